// The one shape every API error has, so the pages (and anyone scripting the API) read one thing:
//   { "error": { "code": "PROJECT_NOT_FOUND", "message": "there is no project …" } }
// Uploads add `files`: one entry per refused file.

export interface ApiFileError {
  readonly fileName: string | null;
  readonly code: string;
  readonly message: string;
}

export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly files?: readonly ApiFileError[];
  };
}
