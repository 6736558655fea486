#!/usr/bin/env node
// The `reader-edition` command as npm installs it. The edition is TypeScript, which Node 20
// cannot run by itself: this registers tsx's loader, then hands over to the command.
import { register } from 'tsx/esm/api';

register();
await import('../generator/cli.ts');
