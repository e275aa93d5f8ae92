import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("custom-vision-responsible-ai", { policies });
