import { conformanceSuite } from '../helpers/conformance.js';

conformanceSuite({ width: 1280, height: 800 });
