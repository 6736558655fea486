// Orca 43 in Firefox ESR, on the journeys of journeys.scenario (npm run test:orca).
import { journeys } from './journeys.ts';

journeys('firefox');
