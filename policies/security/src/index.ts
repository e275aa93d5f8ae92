import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("custom-vision-security", { policies, enforcementLevel: "mandatory" });
