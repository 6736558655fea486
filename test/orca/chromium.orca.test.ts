// Orca 43 in Chromium, on the journeys of journeys.scenario (npm run test:orca).
import { journeys } from './journeys.ts';

journeys('chromium');
