"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api } from "../../lib/client/api-client";
import { PHRASE_MAX_CHARS } from "../../lib/store/project-fields";
import { Card } from "../card";
import { Message } from "../message";
import { useApiAction } from "../use-api-action";

/** A phrase in, a new project out; the page then opens it. */
export function CreateProjectForm() {
  const router = useRouter();
  const [phrase, setPhrase] = useState("");
  const { busy, error, run } = useApiAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(
      async () => {
        const project = await api.createProject(phrase);
        router.push(`/projects/${project.id}`);
      },
      { staysBusy: true },
    );
  }

  return (
    <Card
      titleId="create-project-title"
      title="New project"
      sub="One project per wake word. Two to four syllables that people rarely say by accident work best."
    >
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
          <Message kind="error" testId="create-error">
            {error}
          </Message>
        ) : null}
      </form>
    </Card>
  );
}
