// Every test file starts on the clock the run was given (GROUNDWORK_CLOCK), or on real time.
import { setClock } from '@/lib/clock';

if (process.env.GROUNDWORK_CLOCK) setClock(process.env.GROUNDWORK_CLOCK);
