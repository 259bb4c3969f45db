/**
 * @qeml/runner-protocol: the text formats between a JavaScript action and the GitHub Actions
 * runner, written as @actions/core writes them and read as the runner reads them. No dependencies.
 */
export {
  FILE_COMMAND_VARIABLES,
  FILE_COMMANDS,
  type FileCommandVariable,
  formatFileCommand,
  formatFileCommands,
  formatPathFile,
  heredocDelimiter,
  isRefusedEnvName,
  parseFileCommands,
  parsePathFile,
  REFUSED_ENV_MESSAGE,
} from './file-command';
export {
  type AnnotationProperties,
  annotationCommandProperties,
  type CommandProperties,
  escapeData,
  escapeProperty,
  formatCommand,
  parseWorkflowCommand,
  toCommandValue,
  type WorkflowCommand,
} from './workflow-command';
