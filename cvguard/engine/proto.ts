import * as path from "path";

/**
 * The analyzer stubs and the gRPC / protobuf runtimes they were generated
 * against, loaded from the very copies @pulumi/pulumi resolves, so messages
 * built here pass the stubs' `instanceof` checks.
 */
const protoDir = path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb.js"));
const fromProtoDir = (id: string) => require(require.resolve(id, { paths: [protoDir] }));

export const analyzerPb: typeof import("@pulumi/pulumi/proto/analyzer_pb") = require(path.join(protoDir, "analyzer_pb.js"));
export const analyzerGrpc: typeof import("@pulumi/pulumi/proto/analyzer_grpc_pb") = require(path.join(protoDir, "analyzer_grpc_pb.js"));
export const grpc: typeof import("@grpc/grpc-js") = fromProtoDir("@grpc/grpc-js");
export const structPb: typeof import("google-protobuf/google/protobuf/struct_pb") = fromProtoDir("google-protobuf/google/protobuf/struct_pb.js");
export const emptyPb: typeof import("google-protobuf/google/protobuf/empty_pb") = fromProtoDir("google-protobuf/google/protobuf/empty_pb.js");
