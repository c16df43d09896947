// A throw-away PostgreSQL cluster for the real-window tests of team mode, as
// core/tests/pg_common starts one for the Rust tests: a temporary folder, a free loopback
// port, the `postgres` system user when run as root (the server refuses root), password
// checks over TCP (scram-sha-256). `stop()` removes it.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import net from "node:net";

export const SUPER_PASSWORD = "secret";

function pgBin() {
  const root = "/usr/lib/postgresql";
  const found = existsSync(root)
    ? readdirSync(root)
        .map((v) => join(root, v, "bin"))
        .filter((b) => existsSync(join(b, "initdb")) && existsSync(join(b, "pg_ctl")))
        .sort()
    : [];
  if (!found.length) throw new Error("PostgreSQL's server programs are not installed: run `cargo xtask setup` (on Debian: apt-get install postgresql)");
  return found[found.length - 1];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** A started cluster with a database `team`: { port, url(user), psql(sql), stop() }. */
export async function startCluster() {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), "iat-pg-"));
  const asPostgres = process.getuid?.() === 0;
  const run = (program, args) => {
    const exe = join(bin, program);
    return asPostgres
      ? execFileSync("runuser", ["-u", "postgres", "--", exe, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
      : execFileSync(exe, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  };
  const pwfile = join(dir, "pw");
  writeFileSync(pwfile, SUPER_PASSWORD);
  if (asPostgres) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "--auth-local=trust", "--auth-host=scram-sha-256", "-U", "postgres", "--pwfile", pwfile, "-E", "UTF8", "--no-sync"]);
  run("pg_ctl", ["-D", data, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-l", join(dir, "log"), "-w", "start"]);
  const psql = (sql, db = "team") => run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", dir, "-p", String(port), "-U", "postgres", "-d", db, "-At", "-c", sql]).trim();
  psql("CREATE DATABASE team", "postgres");
  return {
    port,
    url: (user) => `postgres://${user}@127.0.0.1:${port}/team`,
    psql,
    stop: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
