// The pages' calls to the dashboard's API, with every failure turned into an ApiError that
// carries the server's code and message (and, for uploads, one entry per refused file).
import type { ApiErrorBody, ApiFileError } from "../api/api-error";
import type { EvaluationStatus } from "../evaluation/evaluation-types";
import type { ExportFormat } from "../export/export-names";
import type { Project, Sample, SampleCounts, SampleLabel, TrainedModel } from "../store/types";
import type { SynthesisStatus } from "../synthesis/synthesis-status";
import type { JobLogView, JobView, JobsOverview, WorkerTrainingView } from "../jobs/job-types";
import type { WorkerTrainingSettings } from "../store/types";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly files: readonly ApiFileError[];

  constructor(status: number, code: string, message: string, files: readonly ApiFileError[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.files = files;
  }
}

/** What a failed call says to a person: the server's message, or what went wrong on the way. */
export function errorMessage(failure: unknown): string {
  return failure instanceof ApiError ? failure.message : String(failure);
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init });
  } catch (error) {
    throw new ApiError(
      0,
      "NETWORK",
      `the server did not answer (${String(error)}); is it running?`,
    );
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const error = (body as Partial<ApiErrorBody> | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "HTTP_ERROR",
      error?.message ?? `the server answered ${response.status} ${response.statusText}`,
      error?.files ?? [],
    );
  }
  return body as T;
}

function sendJson(method: string, body: unknown): RequestInit {
  return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

const projectUrl = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;
const sampleUrl = (projectId: string, sampleId: string) =>
  `${projectUrl(projectId)}/samples/${encodeURIComponent(sampleId)}`;

/** Where the page gets a sample's audio and thumbnails. */
export const sampleMedia = {
  audio: (projectId: string, sampleId: string) => `${sampleUrl(projectId, sampleId)}/audio`,
  waveform: (projectId: string, sampleId: string) => `${sampleUrl(projectId, sampleId)}/waveform`,
  logMel: (projectId: string, sampleId: string) => `${sampleUrl(projectId, sampleId)}/log-mel`,
};

const jobUrl = (jobId: string) => `/api/jobs/${encodeURIComponent(jobId)}`;
const workerTrainingsUrl = (projectId: string) => `${projectUrl(projectId)}/worker-trainings`;

const modelUrl = (projectId: string, modelId: string) =>
  `${projectUrl(projectId)}/models/${encodeURIComponent(modelId)}`;

/** Where a page loads a trained model: `fetchModelDirectory(modelMedia.directory(…))`. */
export const modelMedia = {
  directory: (projectId: string, modelId: string) => `${modelUrl(projectId, modelId)}/files/`,
  file: (projectId: string, modelId: string, name: string) =>
    `${modelUrl(projectId, modelId)}/files/${encodeURIComponent(name)}`,
  /** A download: the model directory zipped ("tfjs") or the head as ONNX ("onnx"). */
  export: (projectId: string, modelId: string, format: ExportFormat) =>
    `${modelUrl(projectId, modelId)}/export/${format}`,
};

export interface SampleList {
  readonly samples: readonly Sample[];
  readonly counts: SampleCounts;
}

export const api = {
  createProject: (phrase: string, name?: string) =>
    call<{ project: Project }>("/api/projects", sendJson("POST", { phrase, name })).then(
      (r) => r.project,
    ),
  renameProject: (projectId: string, name: string) =>
    call<{ project: Project }>(projectUrl(projectId), sendJson("PATCH", { name })).then(
      (r) => r.project,
    ),
  projectCounts: (projectId: string) =>
    call<{ project: Project; counts: SampleCounts }>(projectUrl(projectId)).then((r) => r.counts),
  deleteProject: (projectId: string) => call<void>(projectUrl(projectId), { method: "DELETE" }),

  listSamples: (projectId: string) => call<SampleList>(`${projectUrl(projectId)}/samples`),
  /**
   * One request for all `files`: all are added, or none (ApiError with `files`). Answers the
   * samples added and the project's new counts.
   */
  uploadSamples: (
    projectId: string,
    files: readonly File[],
    label: SampleLabel,
    source: "uploaded" | "recorded" = "uploaded",
  ) => {
    const form = new FormData();
    form.set("label", label);
    form.set("source", source);
    for (const file of files) form.append("file", file);
    return call<SampleList>(`${projectUrl(projectId)}/samples`, { method: "POST", body: form });
  },
  relabelSample: (projectId: string, sampleId: string, label: SampleLabel) =>
    call<{ sample: Sample; counts: SampleCounts }>(
      sampleUrl(projectId, sampleId),
      sendJson("PATCH", { label }),
    ),
  deleteSample: (projectId: string, sampleId: string) =>
    call<{ counts: SampleCounts }>(sampleUrl(projectId, sampleId), { method: "DELETE" }),

  listModels: (projectId: string) =>
    call<{ models: TrainedModel[] }>(`${projectUrl(projectId)}/models`).then((r) => r.models),
  /** The files of a model directory (modelToFiles), one multipart field each. */
  saveModel: (projectId: string, files: Readonly<Record<string, Uint8Array | string>>) => {
    const form = new FormData();
    for (const [name, content] of Object.entries(files)) {
      form.append("file", new Blob([content as BlobPart]), name);
    }
    return call<{ model: TrainedModel }>(`${projectUrl(projectId)}/models`, {
      method: "POST",
      body: form,
    }).then((r) => r.model);
  },
  deleteModel: (projectId: string, modelId: string) =>
    call<void>(modelUrl(projectId, modelId), { method: "DELETE" }),

  evaluationStatus: (projectId: string, modelId: string) =>
    call<{ run: EvaluationStatus | null }>(`${modelUrl(projectId, modelId)}/evaluation`).then(
      (r) => r.run,
    ),
  /** Without a budget the model's own threshold is used. */
  startEvaluation: (projectId: string, modelId: string, targetFalseAcceptsPerHour?: number) =>
    call<{ run: EvaluationStatus }>(
      `${modelUrl(projectId, modelId)}/evaluation`,
      sendJson(
        "POST",
        targetFalseAcceptsPerHour === undefined ? {} : { targetFalseAcceptsPerHour },
      ),
    ).then((r) => r.run),
  cancelEvaluation: (projectId: string, modelId: string) =>
    call<{ run: EvaluationStatus | null }>(`${modelUrl(projectId, modelId)}/evaluation`, {
      method: "DELETE",
    }).then((r) => r.run),

  synthesisStatus: (projectId: string) =>
    call<{ run: SynthesisStatus | null }>(`${projectUrl(projectId)}/synthesis`).then((r) => r.run),
  startSynthesis: (projectId: string, positives: number, negatives: number) =>
    call<{ run: SynthesisStatus }>(
      `${projectUrl(projectId)}/synthesis`,
      sendJson("POST", { positives, negatives }),
    ).then((r) => r.run),
  cancelSynthesis: (projectId: string) =>
    call<{ run: SynthesisStatus | null }>(`${projectUrl(projectId)}/synthesis`, {
      method: "DELETE",
    }).then((r) => r.run),

  jobs: () => call<JobsOverview>("/api/jobs"),
  cancelJob: (jobId: string) =>
    call<{ job: JobView }>(`${jobUrl(jobId)}/cancel`, { method: "POST" }).then((r) => r.job),
  jobLog: (jobId: string) => call<{ log: JobLogView }>(`${jobUrl(jobId)}/log`).then((r) => r.log),
  /** Queues a train job for the project's samples; answers the training to follow. */
  trainOnWorker: (projectId: string, settings: WorkerTrainingSettings) =>
    call<{ training: WorkerTrainingView }>(
      workerTrainingsUrl(projectId),
      sendJson("POST", settings),
    ).then((r) => r.training),
  workerTraining: (projectId: string, jobId: string) =>
    call<{ training: WorkerTrainingView }>(
      `${workerTrainingsUrl(projectId)}/${encodeURIComponent(jobId)}`,
    ).then((r) => r.training),
};
