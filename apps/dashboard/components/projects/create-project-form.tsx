"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, api } from "../../lib/client/api-client";
import { PHRASE_MAX_CHARS } from "../../lib/store/project-fields";

/** A phrase in, a new project out; the page then opens it. */
export function CreateProjectForm() {
  const router = useRouter();
  const [phrase, setPhrase] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const project = await api.createProject(phrase);
      router.push(`/projects/${project.id}`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="create-project-title">
      <div className="card-head">
        <div>
          <h2 id="create-project-title">New project</h2>
          <p className="card-sub">
            One project per wake word. Two to four syllables that people rarely say by accident work
            best.
          </p>
        </div>
      </div>
      <form className="card-body" onSubmit={submit} data-testid="create-project-form">
        <div className="field-row">
          <label className="field field-grow">
            Trigger phrase
            <input
              className="input"
              name="phrase"
              value={phrase}
              onChange={(e) => setPhrase(e.target.value)}
              placeholder="hey nova"
              maxLength={PHRASE_MAX_CHARS}
              autoComplete="off"
              required
              data-testid="phrase-input"
            />
          </label>
          <button
            className="button button-primary"
            type="submit"
            disabled={busy || phrase.trim() === ""}
            data-testid="create-project"
          >
            {busy ? "Creating…" : "Create project"}
          </button>
        </div>
        {error ? (
          <p className="alert" role="alert" style={{ marginTop: 12 }} data-testid="create-error">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
