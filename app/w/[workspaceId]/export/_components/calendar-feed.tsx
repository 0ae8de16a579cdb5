'use client';

import { useEffect, useRef, useState } from 'react';
import { SecretControls } from '@/app/_components/secret-controls';
import { useButtonAction } from '@/app/_components/use-button-action';
import { deleteCalendarFeedAction, regenerateCalendarFeedAction } from '../actions';

/** Creates, regenerates or turns off the private calendar URL; a new URL is shown once. */
export function CalendarFeed({ workspaceId, hasFeed }: { workspaceId: string; hasFeed: boolean }) {
  const [url, setUrl] = useState<string>();
  const [copied, setCopied] = useState(false);
  const { pending, message: error, run: start } = useButtonAction();
  const urlField = useRef<HTMLInputElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  // The new URL takes the focus, ready to copy; turning the feed off moves it to the words that say so.
  const turnedOff = useRef(false);
  useEffect(() => {
    if (url) urlField.current?.focus();
  }, [url]);
  useEffect(() => {
    if (hasFeed || !turnedOff.current) return;
    turnedOff.current = false;
    status.current?.focus();
  }, [hasFeed]);

  const run = (kind: 'create' | 'delete') =>
    start(async () => {
      setCopied(false);
      if (kind === 'create') {
        const result = await regenerateCalendarFeedAction(workspaceId, {});
        if (!result.ok) return result.formError ?? 'The feed could not be created. Try again.';
        setUrl(`${window.location.origin}/calendar/${result.data.token}.ics`);
      } else {
        const result = await deleteCalendarFeedAction(workspaceId, {});
        if (!result.ok) return result.formError ?? 'The feed could not be turned off. Try again.';
        setUrl(undefined);
        turnedOff.current = true;
      }
    });

  return (
    <div className="mt-4 space-y-3">
      {url ? (
        <div className="space-y-1">
          <label htmlFor="feed-url" className="block text-sm font-medium text-stone-800">
            Your private calendar URL
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input ref={urlField} id="feed-url" readOnly value={url} className="input font-mono text-sm" onFocus={(e) => e.target.select()} aria-describedby="feed-url-hint" />
            <button
              type="button"
              className="btn-secondary shrink-0"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(url);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {copied ? 'Copied' : 'Copy URL'}
            </button>
          </div>
          <p id="feed-url-hint" className="text-sm text-stone-600">
            Shown only now: copy it into your calendar app (“Subscribe to calendar” / “From URL”). Anyone with this URL sees your follow-up dates.
          </p>
        </div>
      ) : hasFeed ? (
        <p className="text-sm text-stone-700">Your feed is on. Its URL was shown when you created it; make a new one if you lost it.</p>
      ) : (
        <p ref={status} tabIndex={-1} className="text-sm text-stone-700">
          No feed yet: your follow-up dates stay private until you create one.
        </p>
      )}
      <SecretControls
        on={hasFeed}
        pending={pending}
        error={error}
        make="Create feed URL"
        replace="Regenerate feed URL"
        turnOff="Turn feed off"
        warning="Regenerating makes the old URL stop working at once."
        onMake={() => run('create')}
        onTurnOff={() => run('delete')}
      />
    </div>
  );
}
