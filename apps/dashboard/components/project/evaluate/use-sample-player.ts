"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { sampleMedia } from "../../../lib/client/api-client";

/**
 * One audio element for a table of samples: `toggle(id)` plays a sample (stopping another) or
 * stops it; `playing` is the id whose audio is actually sounding (set on the element's
 * "playing" event, so a row shows Stop only once playback has begun).
 */
export function useSamplePlayer(projectId: string) {
  const [playing, setPlaying] = useState<string | undefined>(undefined);
  const player = useRef<HTMLAudioElement | null>(null);
  const wanted = useRef<string | undefined>(undefined);

  useEffect(() => {
    const audio = new Audio();
    const stop = () => setPlaying(undefined);
    audio.addEventListener("playing", () => setPlaying(wanted.current));
    audio.addEventListener("ended", stop);
    audio.addEventListener("pause", stop);
    player.current = audio;
    return () => {
      audio.pause();
      audio.removeAttribute("src");
    };
  }, []);

  const toggle = useCallback(
    (sampleId: string) => {
      const audio = player.current;
      if (!audio) return;
      if (wanted.current === sampleId && !audio.paused) {
        wanted.current = undefined;
        audio.pause();
        return;
      }
      wanted.current = sampleId;
      audio.src = sampleMedia.audio(projectId, sampleId);
      audio.play().catch(() => setPlaying(undefined));
    },
    [projectId],
  );

  return { playing, toggle };
}
