// WCAG 1.4.10's reflow size: 320 by 256 CSS px (a 1280 px wide screen at 400% zoom).
import { conformanceSuite } from '../helpers/conformance.js';

conformanceSuite({ width: 320, height: 256 });
