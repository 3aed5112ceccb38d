interface PlayButtonProps {
  readonly playing: boolean;
  readonly label: string;
  readonly onClick: () => void;
}

/** The round Play/Stop button of a playable row. */
export function PlayButton({ playing, label, onClick }: PlayButtonProps) {
  return (
    <button
      className="button play"
      type="button"
      onClick={onClick}
      aria-label={playing ? `Stop ${label}` : `Play ${label}`}
      data-testid="score-play"
      data-playing={playing}
    >
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        {playing ? (
          <rect x="1" y="1" width="10" height="10" rx="1.5" fill="currentColor" />
        ) : (
          <path d="M2.5 1.2v9.6L10.6 6z" fill="currentColor" />
        )}
      </svg>
    </button>
  );
}
