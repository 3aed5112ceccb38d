// The Lua scripts the Redis adapter adds to BullMQ's own. Each reads and writes one job in one
// step, so that a claim, a cancel and a heartbeat racing each other (or BullMQ's stall check)
// always see a consistent job. They derive the wakeforge state in one place (`jobState`); the
// fields they use are described in redis-job-record.ts.
import type { Redis } from "ioredis";
import type { JobState } from "../job-state.js";
import { LEASE_EXPIRED_TEXT, isJobState, type RawJob } from "./redis-job-record.js";

const PRELUDE = `
local rcall = redis.call

local function maxAttempts(optsJson)
  local ok, opts = pcall(cjson.decode, optsJson or "{}")
  if ok and type(opts) == "table" then return tonumber(opts.attempts) or 1 end
  return 1
end

local function leaseExpired(worker)
  if not worker or worker == "" then worker = "?" end
  return cjson.encode({ message = "worker " .. worker .. " " .. ${JSON.stringify(LEASE_EXPIRED_TEXT)},
    code = "LEASE_EXPIRED" })
end

-- The wakeforge state of a job, and whether its last run stalled: ended without its worker
-- handing the job back (BullMQ's stall check put it back in the queue).
local function jobState(completedKey, failedKey, activeKey, jobKey, id)
  if rcall("ZSCORE", completedKey, id) then return "completed", false end
  local f = rcall("HMGET", jobKey, "ats", "opts", "wfRun", "wfCancel", "wfAttempts")
  local cancel = f[4] == "1"
  if rcall("ZSCORE", failedKey, id) then
    if cancel then return "cancelled", false end
    return "failed", false
  end
  local run = f[3] or ""
  if run ~= "" and run == f[1] and rcall("LPOS", activeKey, id) then return "running", false end
  -- Waiting, delayed, or just taken by a claim that has not started its run yet.
  local stalled = run ~= ""
  if cancel then return "cancelled", stalled end
  if (tonumber(f[5]) or 0) >= maxAttempts(f[2]) then return "failed", stalled end
  return "queued", stalled
end
`;

/**
 * KEYS: completed, failed, active, wait, paused, delayed, prioritized. ARGV: the key prefix,
 * then job ids (none: every job). Returns { id, state, stalled, hash } per job that exists.
 */
const READ_JOBS = `${PRELUDE}
local prefix = ARGV[1]
local ids = {}
if #ARGV > 1 then
  for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
else
  local seen = {}
  local function add(list)
    for _, id in ipairs(list) do
      if not seen[id] then seen[id] = true; ids[#ids + 1] = id end
    end
  end
  for i = 4, 5 do add(rcall("LRANGE", KEYS[i], 0, -1)) end
  add(rcall("LRANGE", KEYS[3], 0, -1))
  for _, i in ipairs({ 6, 7, 1, 2 }) do add(rcall("ZRANGE", KEYS[i], 0, -1)) end
end
local rows = {}
for _, id in ipairs(ids) do
  local jobKey = prefix .. id
  if rcall("EXISTS", jobKey) == 1 then
    local state, stalled = jobState(KEYS[1], KEYS[2], KEYS[3], jobKey, id)
    rows[#rows + 1] = { id, state, stalled and 1 or 0, rcall("HGETALL", jobKey) }
  end
end
return rows
`;

/**
 * Starts the run of a job a claim just took (BullMQ moved it to active under the claim's lock),
 * or says why it must not run: it was cancelled, or its last run stalled with no attempt left.
 * KEYS: job, lock. ARGV: token, leaseMs, workerId, backend, nowMs, leaseUntilMs.
 */
const START_RUN = `${PRELUDE}
local jobKey = KEYS[1]
local token = ARGV[1]
if rcall("GET", KEYS[2]) ~= token then return { "lost" } end
local f = rcall("HMGET", jobKey, "ats", "opts", "wfRun", "wfCancel", "wfAttempts", "wfToken",
  "wfWorker")
local ats = f[1]
-- The same call again, resent after a reconnection: the run has started.
if f[3] == ats and f[6] == token then return { "run", ats } end
local stalled = (f[3] or "") ~= ""
if f[4] == "1" then return { "cancelled" } end
local attempts = tonumber(f[5]) or 0
if attempts >= maxAttempts(f[2]) then return { "failed" } end
rcall("HSET", jobKey, "wfRun", ats, "wfToken", token, "wfWorker", ARGV[3], "wfBackend", ARGV[4],
  "wfAttempts", attempts + 1, "progress", "0", "wfLease", ARGV[6], "wfUpdated", ARGV[5])
-- The stalled run's recovery, recorded as the SQLite adapter records it.
if stalled then rcall("HSET", jobKey, "wfError", leaseExpired(f[7])) end
rcall("SET", KEYS[2], token, "PX", ARGV[2])
return { "run", ats }
`;

/**
 * Checks that a claim still holds its job and renews the lease; with a heartbeat, also records
 * it. A lease that ran out while no stall check has taken the job back yet still holds, as on
 * SQLite (where a lease is lost only when the job is recovered): the lock is taken again.
 * KEYS: job, lock, active, stalled. ARGV: id, token, runAts, leaseMs, leaseUntilMs, nowMs,
 * heartbeat ("1"/"0"), progress ("" for unchanged). Returns { held, cancelRequested, attempts }.
 */
const HOLD = `${PRELUDE}
local jobKey = KEYS[1]
local token = ARGV[2]
local lock = rcall("GET", KEYS[2])
if lock ~= token then
  if lock then return { 0, 0, 0 } end
  local f = rcall("HMGET", jobKey, "ats", "wfRun", "wfToken")
  if f[3] ~= token or f[2] ~= ARGV[3] or f[1] ~= ARGV[3] or not rcall("LPOS", KEYS[3], ARGV[1]) then
    return { 0, 0, 0 }
  end
end
rcall("SET", KEYS[2], token, "PX", ARGV[4])
-- As BullMQ's extendLock does: a renewed job is no candidate for the next stall check.
rcall("SREM", KEYS[4], ARGV[1])
if ARGV[7] == "1" then
  rcall("HSET", jobKey, "wfLease", ARGV[5], "wfUpdated", ARGV[6])
  if ARGV[8] ~= "" then rcall("HSET", jobKey, "progress", ARGV[8]) end
end
local f = rcall("HMGET", jobKey, "wfCancel", "wfAttempts")
return { 1, f[1] == "1" and 1 or 0, tonumber(f[2]) or 0 }
`;

/**
 * Cancels a queued job at once (a claim that takes it later ends it cancelled) and flags a
 * running one. KEYS: completed, failed, active, job. ARGV: id, nowMs.
 * Returns { "ok" }, { "missing" } or { "illegal", state }.
 */
const CANCEL = `${PRELUDE}
local jobKey = KEYS[4]
if rcall("EXISTS", jobKey) == 0 then return { "missing" } end
local state, stalled = jobState(KEYS[1], KEYS[2], KEYS[3], jobKey, ARGV[1])
if state == "running" then
  if rcall("HGET", jobKey, "wfCancel") ~= "1" then
    rcall("HSET", jobKey, "wfCancel", "1", "wfUpdated", ARGV[2])
  end
  return { "ok" }
end
if state ~= "queued" then return { "illegal", state } end
rcall("HSET", jobKey, "wfCancel", "1", "wfUpdated", ARGV[2])
if stalled then
  -- What recovering the stalled run would have recorded before this cancel, on SQLite.
  rcall("HSET", jobKey, "progress", "0", "wfError", leaseExpired(rcall("HGET", jobKey, "wfWorker")))
end
return { "ok" }
`;

/** The BullMQ keys the scripts use, as `Queue.keys` names them. */
export interface ScriptKeys {
  readonly prefix: string;
  readonly completed: string;
  readonly failed: string;
  readonly active: string;
  readonly wait: string;
  readonly paused: string;
  readonly delayed: string;
  readonly prioritized: string;
  readonly stalled: string;
}

export type StartOutcome =
  | { readonly kind: "run"; readonly runAts: string }
  | { readonly kind: "cancelled" }
  /** Its last run stalled with no attempt left. */
  | { readonly kind: "failed" }
  /** The claim's lock ran out before the run started: the stall check will requeue the job. */
  | { readonly kind: "lost" };

export interface HoldResult {
  readonly cancelRequested: boolean;
  readonly attempts: number;
}

export type CancelOutcome =
  | { readonly kind: "ok" }
  | { readonly kind: "missing" }
  | { readonly kind: "illegal"; readonly state: JobState };

export interface HoldArguments {
  readonly bullId: string;
  readonly token: string;
  readonly runAts: string;
  readonly leaseMs: number;
  readonly nowMs: number;
  /** Record a heartbeat (lease end, progress) rather than only check and renew the lease. */
  readonly heartbeat: boolean;
  readonly progress?: number;
}

export interface RedisScripts {
  /** The jobs with these BullMQ ids (those that exist), or every job of the queue. */
  read(bullIds: readonly string[] | "all"): Promise<RawJob[]>;
  startRun(
    bullId: string,
    token: string,
    claim: { workerId: string; backend?: string; leaseMs: number; nowMs: number },
  ): Promise<StartOutcome>;
  /** The claim's state if it still holds the job, else undefined. */
  hold(args: HoldArguments): Promise<HoldResult | undefined>;
  cancel(bullId: string, nowMs: number): Promise<CancelOutcome>;
}

type ScriptReply = unknown[];
type ScriptCall = (...keysAndArgs: (string | number)[]) => Promise<ScriptReply>;

function toHash(flat: unknown): Record<string, string> {
  const hash: Record<string, string> = {};
  if (!Array.isArray(flat)) return hash;
  for (let i = 0; i + 1 < flat.length; i += 2) hash[String(flat[i])] = String(flat[i + 1]);
  return hash;
}

function toRawJob(row: unknown): RawJob {
  const [bullId, state, stalled, flat] = row as [string, string, number, unknown];
  if (!isJobState(state)) throw new Error(`job ${bullId}: unknown state ${state} from Redis`);
  return { bullId: String(bullId), state, stalled: stalled === 1, hash: toHash(flat) };
}

/** Registers the scripts on `client` (ioredis sends each by its hash, and again after a restart). */
export function defineScripts(client: Redis, keys: ScriptKeys): RedisScripts {
  const define = (name: string, numberOfKeys: number, lua: string): ScriptCall => {
    client.defineCommand(name, { numberOfKeys, lua });
    const call = (client as unknown as Record<string, ScriptCall>)[name];
    if (typeof call !== "function") throw new Error(`ioredis did not define ${name}`);
    return call.bind(client);
  };
  const readJobs = define("wakeforgeReadJobs", 7, READ_JOBS);
  const startRun = define("wakeforgeStartRun", 2, START_RUN);
  const hold = define("wakeforgeHold", 4, HOLD);
  const cancel = define("wakeforgeCancel", 4, CANCEL);
  const jobKey = (bullId: string) => keys.prefix + bullId;
  const lockKey = (bullId: string) => `${keys.prefix}${bullId}:lock`;

  return {
    async read(bullIds) {
      if (bullIds !== "all" && bullIds.length === 0) return [];
      const ids = bullIds === "all" ? [] : bullIds;
      const rows = await readJobs(
        ...[keys.completed, keys.failed, keys.active, keys.wait, keys.paused],
        ...[keys.delayed, keys.prioritized, keys.prefix],
        ...ids,
      );
      return rows.map(toRawJob);
    },

    async startRun(bullId, token, claim) {
      const [kind, detail] = await startRun(
        ...[jobKey(bullId), lockKey(bullId), token, claim.leaseMs, claim.workerId],
        ...[claim.backend ?? "", claim.nowMs, claim.nowMs + claim.leaseMs],
      );
      if (kind === "run") return { kind, runAts: String(detail) };
      if (kind === "cancelled" || kind === "failed" || kind === "lost") return { kind };
      throw new Error(`unexpected reply ${String(kind)} from wakeforgeStartRun`);
    },

    async hold(args) {
      const { bullId, leaseMs, nowMs } = args;
      const [held, cancelRequested, attempts] = await hold(
        ...[jobKey(bullId), lockKey(bullId), keys.active, keys.stalled],
        ...[bullId, args.token, args.runAts, leaseMs, nowMs + leaseMs, nowMs],
        ...[args.heartbeat ? "1" : "0", args.progress === undefined ? "" : String(args.progress)],
      );
      if (held !== 1) return undefined;
      return { cancelRequested: cancelRequested === 1, attempts: Number(attempts) };
    },

    async cancel(bullId, nowMs) {
      const [kind, state] = await cancel(
        ...[keys.completed, keys.failed, keys.active, jobKey(bullId)],
        ...[bullId, nowMs],
      );
      if (kind === "ok" || kind === "missing") return { kind };
      if (kind === "illegal" && isJobState(state)) return { kind, state };
      throw new Error(`unexpected reply ${String(kind)} from wakeforgeCancel`);
    },
  };
}
