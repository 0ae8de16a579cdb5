import { z } from 'zod';
import { checkbox } from './common';

/** The workspace's LinkedIn profile checklist: one tick per section (see LINKEDIN_ITEMS). */
export const linkedinChecklistSchema = z.object({
  summary: checkbox,
  workHistory: checkbox,
  affiliations: checkbox,
  degrees: checkbox,
  hobbies: checkbox,
});
export type LinkedinChecklistInput = z.output<typeof linkedinChecklistSchema>;
