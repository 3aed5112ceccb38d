// The dashboard's projects and samples: one object over the SQLite database and the sample
// files, opened once per process (see server-store.ts) or per test.
import { openDatabase } from "./database";
import { dataPaths, type DataPaths } from "./data-paths";
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  renameProject,
  type CreateProjectInput,
} from "./projects";
import {
  addSamples,
  countSamples,
  deleteSample,
  getSample,
  listSamples,
  relabelSample,
  sampleFile,
  type NewSample,
} from "./samples";
import { addModel, deleteModel, getModel, listModels, modelFile, type NewModel } from "./models";
import type { StoreContext } from "./store-context";
import type {
  Project,
  ProjectSummary,
  Sample,
  SampleCounts,
  TrainedModel,
  WorkerTraining,
} from "./types";
import {
  addWorkerTraining,
  getWorkerTraining,
  listWorkerTrainings,
  settleWorkerTraining,
  workerRunDir,
  type NewWorkerTraining,
} from "./worker-trainings";

export interface Store {
  readonly paths: DataPaths;
  listProjects(): ProjectSummary[];
  getProject(id: string): Project;
  createProject(input: CreateProjectInput): Promise<Project>;
  renameProject(id: string, name: unknown): Project;
  deleteProject(id: string): Promise<void>;
  listSamples(projectId: string): Sample[];
  countSamples(projectId: string): SampleCounts;
  getSample(projectId: string, sampleId: string): Sample;
  sampleFile(projectId: string, sampleId: string): string;
  addSamples(projectId: string, samples: readonly NewSample[]): Promise<Sample[]>;
  relabelSample(projectId: string, sampleId: string, label: unknown): Sample;
  deleteSample(projectId: string, sampleId: string): Promise<void>;
  listModels(projectId: string): TrainedModel[];
  getModel(projectId: string, modelId: string): TrainedModel;
  modelFile(projectId: string, modelId: string, name: string): string;
  addModel(projectId: string, model: NewModel): Promise<TrainedModel>;
  deleteModel(projectId: string, modelId: string): Promise<void>;
  addWorkerTraining(projectId: string, training: NewWorkerTraining): WorkerTraining;
  /** One project's trainings on workers, or every project's; newest first. */
  listWorkerTrainings(projectId?: string): WorkerTraining[];
  getWorkerTraining(jobId: string): WorkerTraining | undefined;
  workerRunDir(projectId: string, jobId: string): string;
  settleWorkerTraining(
    jobId: string,
    outcome: { readonly modelId: string } | { readonly error: string | null },
  ): boolean;
  close(): void;
}

export interface OpenStoreOptions {
  /** The data directory (DashboardEnv.dataDir); created when missing. */
  readonly dataDir: string;
  /** The clock, in ms since the epoch. Default Date.now. */
  readonly now?: () => number;
}

export function openStore(options: OpenStoreOptions): Store {
  const now = options.now ?? Date.now;
  const paths = dataPaths(options.dataDir);
  const ctx: StoreContext = { db: openDatabase(paths.databaseFile, now), paths, now };
  return {
    paths,
    listProjects: () => listProjects(ctx),
    getProject: (id) => getProject(ctx, id),
    createProject: (input) => createProject(ctx, input),
    renameProject: (id, name) => renameProject(ctx, id, name),
    deleteProject: (id) => deleteProject(ctx, id),
    listSamples: (projectId) => listSamples(ctx, projectId),
    countSamples: (projectId) => {
      getProject(ctx, projectId);
      return countSamples(ctx, projectId);
    },
    getSample: (projectId, sampleId) => getSample(ctx, projectId, sampleId),
    sampleFile: (projectId, sampleId) => sampleFile(ctx, projectId, sampleId),
    addSamples: (projectId, samples) => addSamples(ctx, projectId, samples),
    relabelSample: (projectId, sampleId, label) => relabelSample(ctx, projectId, sampleId, label),
    deleteSample: (projectId, sampleId) => deleteSample(ctx, projectId, sampleId),
    listModels: (projectId) => listModels(ctx, projectId),
    getModel: (projectId, modelId) => getModel(ctx, projectId, modelId),
    modelFile: (projectId, modelId, name) => modelFile(ctx, projectId, modelId, name),
    addModel: (projectId, model) => addModel(ctx, projectId, model),
    deleteModel: (projectId, modelId) => deleteModel(ctx, projectId, modelId),
    addWorkerTraining: (projectId, training) => addWorkerTraining(ctx, projectId, training),
    listWorkerTrainings: (projectId) => listWorkerTrainings(ctx, projectId),
    getWorkerTraining: (jobId) => getWorkerTraining(ctx, jobId),
    workerRunDir: (projectId, jobId) => workerRunDir(ctx, projectId, jobId),
    settleWorkerTraining: (jobId, outcome) => settleWorkerTraining(ctx, jobId, outcome),
    close: () => ctx.db.close(),
  };
}
