/** Proxy variables (common in corporate CI) never route cvguard's loopback gRPC to the packs through a proxy. */
import { expect } from "chai";
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { fixturePack } from "../engine/helpers";
import { runCli } from "./cli-helpers";

describe("cvguard with proxy variables set", function () {
    this.timeout(120_000);
    let proxy: http.Server;
    const seen: string[] = [];
    let proxyUrl = "";
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-proxy-"));

    before(async () => {
        // A CONNECT proxy that records every tunnel it is asked for, and forwards it (so a proxied run would still work).
        proxy = http.createServer((req, res) => {
            seen.push(`${req.method} ${req.url}`);
            res.writeHead(502).end();
        });
        proxy.on("connect", (req, client, head) => {
            seen.push(`CONNECT ${req.url}`);
            const [host, port] = (req.url ?? "").split(":");
            const upstream = net.connect(Number(port), host, () => {
                client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
                upstream.write(head);
                upstream.pipe(client);
                client.pipe(upstream);
            });
            upstream.on("error", () => client.destroy());
        });
        await new Promise<void>(resolve => proxy.listen(0, "127.0.0.1", resolve));
        proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    });
    after(() => {
        proxy.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("analyses with every proxy variable pointing at a proxy, which sees no connection", async () => {
        const exportFile = path.join(dir, "dev.json");
        fs.writeFileSync(
            exportFile,
            JSON.stringify({
                version: 3,
                deployment: {
                    resources: [
                        { urn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", custom: false, type: "pulumi:pulumi:Stack" },
                        ...["a", "b", "c"].map(n => ({
                            urn: `urn:pulumi:dev::proj::fixture:index:Storage::${n}`,
                            custom: true,
                            id: n,
                            type: "fixture:index:Storage",
                            parent: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev",
                            inputs: { httpsOnly: true },
                            outputs: { httpsOnly: true },
                        })),
                    ],
                },
            }),
        );
        const env = Object.fromEntries(
            ["grpc_proxy", "https_proxy", "http_proxy", "HTTPS_PROXY", "HTTP_PROXY", "all_proxy", "ALL_PROXY"].map(k => [k, proxyUrl]),
        );
        const run = await runCli(["analyze", "--stack-export", exportFile, "--policy-pack", fixturePack("basic"), "--format", "json"], {
            cwd: dir,
            env: { ...env, no_proxy: "", NO_PROXY: "", no_grpc_proxy: "" },
        });
        expect(seen).to.deep.equal([]);
        expect(run.code, run.stderr).to.equal(0);
        expect(JSON.parse(run.stdout).summary.passed).to.equal(true);
    });
});
