import * as core from '@actions/core';
import { kitVersion } from '@qeml/action-kit';
core.info(`kit ${kitVersion}`);
core.setOutput('x', 'y');
