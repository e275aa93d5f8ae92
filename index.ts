/**
 * The deployable program: read and validate the stack config (stopping with
 * one clear message before anything is registered), then build the stack.
 * Tests and cvguard call the same two functions under mocks.
 */
import { loadStackSettings } from "./config/load";
import { buildStack } from "./components/stack";

const stack = buildStack(loadStackSettings());

export const resourceGroupName = stack.resourceGroupName;
export const trainingEndpoint = stack.trainingEndpoint;
export const predictionEndpoint = stack.predictionEndpoint;
export const trainingAccountId = stack.trainingAccountId;
export const predictionAccountId = stack.predictionAccountId;
export const trainingPrincipalId = stack.trainingPrincipalId;
export const keyVaultId = stack.keyVaultId;
export const keyVaultUri = stack.keyVaultUri;
export const storageKeyName = stack.storageKeyName;
export const accountsKeyName = stack.accountsKeyName;
export const accountsKeyVersion = stack.accountsKeyVersion;
export const storageAccountId = stack.storageAccountId;
export const storageBlobHost = stack.storageBlobHost;
export const logAnalyticsWorkspaceId = stack.logAnalyticsWorkspaceId;
export const privateEndpointSubnetId = stack.privateEndpointSubnetId;
export const encryptionIdentityId = stack.encryptionIdentityId;
export const encryptionIdentityPrincipalId = stack.encryptionIdentityPrincipalId;
export const encryptionIdentityClientId = stack.encryptionIdentityClientId;
export const trainerRoleId = stack.trainerRoleId;
export const projectAdminRoleId = stack.projectAdminRoleId;
export const feedbackActionGroupId = stack.feedbackActionGroupId;
export const feedbackChannel = stack.feedbackChannel;
export const predictionSuspended = stack.predictionSuspended;
