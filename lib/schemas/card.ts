import { z } from 'zod';
import { linkedinUrl, phone } from './contact';
import { text } from './common';

/** What a person adds to their shared card; nothing of it is stored. Invalid values are left off. */
export const cardQuerySchema = z.object({
  phone: phone.catch(''),
  company: text(120).catch(''),
  role: text(120).catch(''),
  linkedinUrl: linkedinUrl.catch(''),
});
