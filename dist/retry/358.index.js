export const id = 358;
export const ids = [358];
export const modules = {

/***/ 8358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  contextFromEnv: () => (/* binding */ contextFromEnv),
  runActionAttempt: () => (/* binding */ runActionAttempt)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/local-runner/src/conditions.ts
const STATUS_FUNCTIONS = ['always', 'success', 'failure', 'cancelled'];
/**
 * Evaluates a `pre-if` / `post-if` condition against the job status so far. Supports the status
 * functions, `true`/`false`, `!`, `&&`, `||` and parentheses; like the runner, a condition
 * without a status function is implicitly `success() && (...)`.
 */
function evaluateCondition(condition, jobStatus, label) {
    let source = (condition ?? 'always()').trim();
    const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(source);
    if (wrapped)
        source = (wrapped[1] ?? '').trim();
    if (source === '')
        source = 'always()';
    const tokens = tokenize(source, label);
    const parser = new ConditionParser(tokens, jobStatus, label, source);
    const value = parser.parse();
    const usesStatus = tokens.some((token) => STATUS_FUNCTIONS.includes(token));
    return usesStatus ? value : jobStatus === 'success' && value;
}
function tokenize(source, label) {
    const tokens = [];
    const pattern = /\s*(&&|\|\||!|\(|\)|[A-Za-z_][A-Za-z0-9_]*)/y;
    let index = 0;
    while (index < source.length) {
        pattern.lastIndex = index;
        const match = pattern.exec(source);
        if (!match) {
            if (source.slice(index).trim() === '')
                break;
            throw unsupported(label, source);
        }
        tokens.push((match[1] ?? '').toLowerCase());
        index = pattern.lastIndex;
    }
    return tokens;
}
function unsupported(label, source) {
    return new Error(`${label}: '${source}' is not supported by local-runner; use always(), success(), failure(), ` +
        'cancelled(), true, false, !, &&, || and parentheses');
}
class ConditionParser {
    tokens;
    status;
    label;
    source;
    index = 0;
    constructor(tokens, status, label, source) {
        this.tokens = tokens;
        this.status = status;
        this.label = label;
        this.source = source;
    }
    parse() {
        const value = this.or();
        if (this.index !== this.tokens.length)
            throw unsupported(this.label, this.source);
        return value;
    }
    or() {
        let value = this.and();
        while (this.peek() === '||') {
            this.index++;
            value = this.and() || value;
        }
        return value;
    }
    and() {
        let value = this.unary();
        while (this.peek() === '&&') {
            this.index++;
            value = this.unary() && value;
        }
        return value;
    }
    unary() {
        if (this.peek() === '!') {
            this.index++;
            return !this.unary();
        }
        return this.primary();
    }
    primary() {
        const token = this.tokens[this.index++];
        if (token === '(') {
            const value = this.or();
            this.expect(')');
            return value;
        }
        if (token === 'true')
            return true;
        if (token === 'false')
            return false;
        if (token === 'always' || token === 'success' || token === 'failure' || token === 'cancelled') {
            this.expect('(');
            this.expect(')');
            if (token === 'always')
                return true;
            return this.status === (token === 'failure' ? 'failure' : token);
        }
        throw unsupported(this.label, this.source);
    }
    expect(token) {
        if (this.tokens[this.index++] !== token)
            throw unsupported(this.label, this.source);
    }
    peek() {
        return this.tokens[this.index];
    }
}

;// CONCATENATED MODULE: ./packages/local-runner/src/context.ts


function buildContext(options, actionDirectory, runnerTemp) {
    const repository = options.repository ?? 'qeml-local/local-repo';
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
        throw new Error(`repository '${repository}' is not valid; expected 'owner/repo'`);
    }
    const ref = options.ref ?? 'refs/heads/main';
    const apiUrl = trimSlash(options.apiUrl ?? 'https://api.github.com');
    return {
        token: options.token ?? '',
        repository,
        repositoryOwner: repository.split('/')[0] ?? '',
        sha: options.sha ?? '0000000000000000000000000000000000000000',
        ref,
        refName: ref.replace(/^refs\/(heads|tags|pull)\//, ''),
        refType: ref.startsWith('refs/tags/') ? 'tag' : ref.startsWith('refs/heads/') ? 'branch' : '',
        eventName: options.eventName ?? 'push',
        runId: options.runId ?? 1,
        runAttempt: options.runAttempt ?? 1,
        runNumber: options.runNumber ?? 1,
        workflow: options.workflow ?? 'local',
        job: options.job ?? 'local',
        actor: options.actor ?? 'qeml-local',
        workspace: options.workspace ?? process.cwd(),
        serverUrl: trimSlash(options.serverUrl ?? 'https://github.com'),
        apiUrl,
        graphqlUrl: trimSlash(options.graphqlUrl ?? defaultGraphqlUrl(apiUrl)),
        stepId: options.stepId ?? `__local_${(0,external_node_path_.basename)(actionDirectory).replace(/[^A-Za-z0-9_-]/g, '_')}`,
        runnerTemp,
    };
}
/** GHES serves GraphQL at /api/graphql next to /api/v3. */
function defaultGraphqlUrl(apiUrl) {
    return apiUrl.endsWith('/api/v3') ? `${apiUrl.slice(0, -'/v3'.length)}/graphql` : `${apiUrl}/graphql`;
}
function trimSlash(url) {
    return url.replace(/\/+$/, '');
}
/** The runner's default variables; they override step env, as on GitHub. */
function contextEnv(context, actionDirectory) {
    return {
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION: context.stepId,
        GITHUB_ACTION_PATH: actionDirectory,
        GITHUB_ACTOR: context.actor,
        GITHUB_API_URL: context.apiUrl,
        GITHUB_EVENT_NAME: context.eventName,
        GITHUB_GRAPHQL_URL: context.graphqlUrl,
        GITHUB_JOB: context.job,
        GITHUB_REF: context.ref,
        GITHUB_REF_NAME: context.refName,
        GITHUB_REF_TYPE: context.refType,
        GITHUB_REPOSITORY: context.repository,
        GITHUB_REPOSITORY_OWNER: context.repositoryOwner,
        GITHUB_RUN_ATTEMPT: String(context.runAttempt),
        GITHUB_RUN_ID: String(context.runId),
        GITHUB_RUN_NUMBER: String(context.runNumber),
        GITHUB_SERVER_URL: context.serverUrl,
        GITHUB_SHA: context.sha,
        GITHUB_WORKFLOW: context.workflow,
        GITHUB_WORKSPACE: context.workspace,
        RUNNER_ARCH: runnerArch(),
        RUNNER_NAME: 'qeml-local-runner',
        RUNNER_OS: runnerOs(),
        RUNNER_TEMP: context.runnerTemp,
    };
}
function runnerOs() {
    const os = (0,external_node_os_.platform)();
    return os === 'win32' ? 'Windows' : os === 'darwin' ? 'macOS' : 'Linux';
}
function runnerArch() {
    const cpu = (0,external_node_os_.arch)();
    return cpu === 'arm64' ? 'ARM64' : cpu === 'arm' ? 'ARM' : cpu === 'ia32' ? 'X86' : 'X64';
}
const MINIMAL_ENV_KEYS = [
    'PATH',
    'Path',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'LANG',
    'LC_ALL',
    'LC_CTYPE',
    'TZ',
    'TMPDIR',
    'TEMP',
    'TMP',
    'SystemRoot',
    'SYSTEMROOT',
    'ComSpec',
    'PATHEXT',
    'WINDIR',
    'USERPROFILE',
    'APPDATA',
    'LOCALAPPDATA',
];
/** The env a step inherits by default: enough to run tools, nothing of the caller's secrets. */
function minimalEnv(source = process.env) {
    const env = {};
    for (const key of MINIMAL_ENV_KEYS) {
        const value = source[key];
        if (value !== undefined)
            env[key] = value;
    }
    return env;
}

// EXTERNAL MODULE: ./packages/local-runner/src/file-commands.ts
var file_commands = __webpack_require__(624);
;// CONCATENATED MODULE: ./packages/local-runner/src/inputs.ts
/** The runner's env name of an input: spaces become `_`, upper-cased, hyphens kept. */
function inputEnvName(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/**
 * Merges `with:` values (matched case-insensitively) with the defaults of action.yml, evaluating
 * the expressions a default may hold, and returns the INPUT_* variables plus the runner's warnings.
 */
function resolveInputs(metadata, given, context) {
    const warnings = [];
    const env = {};
    const declared = new Map(Object.keys(metadata.inputs).map((name) => [name.toLowerCase(), name]));
    const givenByName = new Map();
    const unexpected = [];
    for (const [name, value] of Object.entries(given)) {
        if (typeof value !== 'string')
            throw new Error(`input '${name}' must be a string, got ${typeof value}`);
        const declaredName = declared.get(name.toLowerCase());
        if (declaredName === undefined)
            unexpected.push(name);
        givenByName.set((declaredName ?? name).toLowerCase(), value);
        env[inputEnvName(name)] = value;
    }
    if (unexpected.length > 0) {
        const valid = Object.keys(metadata.inputs).map((name) => `'${name}'`);
        warnings.push(`Unexpected input(s) ${unexpected.map((name) => `'${name}'`).join(', ')}, valid inputs are [${valid.join(', ')}]`);
    }
    for (const [name, spec] of Object.entries(metadata.inputs)) {
        const value = givenByName.get(name.toLowerCase());
        if (value !== undefined) {
            if (spec.deprecationMessage) {
                warnings.push(`Input '${name}' has been deprecated with message: ${spec.deprecationMessage}`);
            }
            env[inputEnvName(name)] = value;
            continue;
        }
        env[inputEnvName(name)] = evaluateDefault(spec.default ?? '', context, (expression) => warnings.push(`Input '${name}': expression '\${{ ${expression} }}' is not supported by local-runner; used ''`));
    }
    return { env, warnings };
}
/** Replaces each `${{ expression }}` in a default; only simple context lookups are supported. */
function evaluateDefault(text, context, onUnknown) {
    if (!text.includes('${{'))
        return text;
    return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_match, inner) => {
        const expression = inner.trim();
        const value = contextValue(expression.toLowerCase(), context);
        if (value === undefined) {
            onUnknown(expression);
            return '';
        }
        return value;
    });
}
function contextValue(expression, context) {
    const values = {
        'github.token': context.token,
        'secrets.github_token': context.token,
        'github.repository': context.repository,
        'github.repository_owner': context.repositoryOwner,
        'github.sha': context.sha,
        'github.ref': context.ref,
        'github.ref_name': context.refName,
        'github.event_name': context.eventName,
        'github.workspace': context.workspace,
        'github.server_url': context.serverUrl,
        'github.api_url': context.apiUrl,
        'github.graphql_url': context.graphqlUrl,
        'github.run_id': String(context.runId),
        'github.run_number': String(context.runNumber),
        'github.run_attempt': String(context.runAttempt),
        'github.actor': context.actor,
        'github.job': context.job,
        'github.workflow': context.workflow,
        'runner.temp': context.runnerTemp,
    };
    return Object.hasOwn(values, expression) ? values[expression] : undefined;
}

;// CONCATENATED MODULE: ./packages/local-runner/src/masker.ts
/** Replaces registered secret values with `***`, longest first, like the runner's secret masker. */
class Masker {
    values = new Set();
    pattern;
    /** Registers a value; a multi-line value registers each of its lines. Blank values are ignored. */
    add(value) {
        let changed = false;
        for (const line of value.split(/\r?\n/)) {
            const secret = line.trim() === '' ? '' : line;
            if (secret === '' || this.values.has(secret))
                continue;
            this.values.add(secret);
            changed = true;
        }
        if (changed)
            this.pattern = undefined;
    }
    get size() {
        return this.values.size;
    }
    list() {
        return [...this.values];
    }
    mask(text) {
        if (this.values.size === 0 || text === '')
            return text;
        this.pattern ??= new RegExp([...this.values]
            .sort((a, b) => b.length - a.length)
            .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('|'), 'g');
        return text.replace(this.pattern, '***');
    }
}

// EXTERNAL MODULE: ./packages/local-runner/src/metadata.ts
var src_metadata = __webpack_require__(7366);
;// CONCATENATED MODULE: ./packages/local-runner/src/line-splitter.ts
class LineSplitter {
    onLine;
    maxLineBytes;
    pending = [];
    pendingBytes = 0;
    midLine = false;
    constructor(onLine, maxLineBytes = 1024 * 1024) {
        this.onLine = onLine;
        this.maxLineBytes = maxLineBytes;
    }
    push(chunk) {
        let start = 0;
        for (let newline = chunk.indexOf(10, start); newline >= 0; newline = chunk.indexOf(10, start)) {
            const piece = chunk.subarray(start, newline);
            this.emit(this.pendingBytes > 0 ? Buffer.concat([...this.pending, piece]) : piece);
            this.pending = [];
            this.pendingBytes = 0;
            this.midLine = false;
            start = newline + 1;
        }
        if (start >= chunk.length)
            return;
        const rest = chunk.subarray(start);
        this.pending.push(rest);
        this.pendingBytes += rest.length;
        if (this.pendingBytes > this.maxLineBytes) {
            this.emit(Buffer.concat(this.pending));
            this.pending = [];
            this.pendingBytes = 0;
            this.midLine = true;
        }
    }
    /** Emits the last line when the stream ended without a newline. */
    end() {
        if (this.pendingBytes > 0)
            this.emit(Buffer.concat(this.pending));
        this.pending = [];
        this.pendingBytes = 0;
        this.midLine = false;
    }
    emit(line) {
        const trimmed = line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
        this.onLine(trimmed, this.midLine);
    }
}
/** Byte-level test for a command line (`::` after optional blanks), so plain lines need no decoding. */
function bytesMayBeCommand(line) {
    let index = 0;
    while (index < line.length && (line[index] === 32 || line[index] === 9))
        index++;
    return line[index] === 58 && line[index + 1] === 58;
}

;// CONCATENATED MODULE: ./packages/local-runner/src/workflow-commands.ts
/** Parsing of `::name key=value,...::message` workflow commands, with the runner's escaping. */
/**
 * Parses one log line as a workflow command; undefined when it is ordinary output. Leading
 * whitespace is allowed, like the runner. The name is not checked here (stop-commands tokens
 * are arbitrary names).
 */
function parseWorkflowCommand(line) {
    const start = firstNonBlank(line);
    if (!line.startsWith('::', start))
        return undefined;
    const end = line.indexOf('::', start + 2);
    if (end < 0)
        return undefined;
    const info = line.slice(start + 2, end);
    const space = info.indexOf(' ');
    const name = space < 0 ? info : info.slice(0, space);
    if (name === '')
        return undefined;
    const properties = {};
    if (space >= 0) {
        for (const pair of info
            .slice(space + 1)
            .trim()
            .split(',')) {
            const equals = pair.indexOf('=');
            if (equals <= 0 || equals === pair.length - 1)
                continue;
            properties[pair.slice(0, equals).toLowerCase()] = unescapeProperty(pair.slice(equals + 1));
        }
    }
    return { name, properties, message: unescapeData(line.slice(end + 2)) };
}
/** True when the line may be a command: cheap test run on every line of a stream. */
function mayBeCommand(line) {
    return line.startsWith('::', firstNonBlank(line));
}
function firstNonBlank(line) {
    let index = 0;
    while (index < line.length && (line[index] === ' ' || line[index] === '\t'))
        index++;
    return index;
}
const DATA_ESCAPES = { '%25': '%', '%0D': '\r', '%0A': '\n' };
const PROPERTY_ESCAPES = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' };
function unescapeData(text) {
    return text.includes('%') ? text.replace(/%(?:25|0D|0A)/g, (code) => DATA_ESCAPES[code] ?? code) : text;
}
function unescapeProperty(text) {
    return text.includes('%')
        ? text.replace(/%(?:25|0D|0A|3A|2C)/g, (code) => PROPERTY_ESCAPES[code] ?? code)
        : text;
}
/** The inverse, as @actions/core writes commands (used by tests and by callers that re-emit). */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./packages/local-runner/src/output-processor.ts


const IGNORED = new Set(['echo', 'add-matcher', 'remove-matcher']);
const DISABLED = new Set(['set-env', 'add-path']);
/**
 * Turns the child's output lines into the step log, annotations, masks and command effects,
 * line by line. Plain lines are decoded only when the log still wants them.
 */
class OutputProcessor {
    log;
    masker;
    annotations;
    relay;
    stopToken;
    effects = { outputs: {}, state: {}, failures: [] };
    warnedDeprecated = new Set();
    constructor(log, masker, annotations, 
    /** In passthrough mode our own warnings/errors are re-emitted as commands for the real runner. */
    relay) {
        this.log = log;
        this.masker = masker;
        this.annotations = annotations;
        this.relay = relay;
    }
    /** Starts a phase: deprecated-command effects are collected per phase. */
    startPhase() {
        this.effects = { outputs: {}, state: {}, failures: [] };
        this.warnedDeprecated.clear();
        return this.effects;
    }
    /** A splitter feeding this processor; one per child stream (stdout, stderr). */
    splitter() {
        return new LineSplitter((bytes, continuation) => this.line(bytes, continuation));
    }
    warn(message) {
        this.own('warning', message);
    }
    /** Records an error of our own (file-command problems, timeouts) as the runner would. */
    error(message) {
        this.own('error', message);
    }
    own(level, message) {
        const masked = this.masker.mask(message);
        this.annotations.push({ level, message: masked });
        this.log.add(`##[${level}]${masked}`);
        this.relay?.(`::${level}::${escapeData(masked)}`);
    }
    line(bytes, continuation) {
        if (continuation || !bytesMayBeCommand(bytes)) {
            if (this.log.wantsText)
                this.log.add(this.masker.mask(bytes.toString('utf8')));
            else
                this.log.skip(bytes.length);
            return;
        }
        const text = bytes.toString('utf8');
        const command = parseWorkflowCommand(text);
        if (!command || !this.run(command))
            this.log.add(this.masker.mask(text));
    }
    /** Applies a command; false when the line is not a command the runner knows (log it as text). */
    run(command) {
        const { name, properties, message } = command;
        if (this.stopToken !== undefined) {
            if (name !== this.stopToken)
                return false;
            this.stopToken = undefined;
            return true;
        }
        switch (name) {
            case 'error':
            case 'warning':
            case 'notice':
                this.annotations.push(this.annotation(name, message, properties));
                this.log.add(`##[${name}]${this.masker.mask(message)}`);
                return true;
            case 'debug':
                this.log.add(`##[debug]${this.masker.mask(message)}`);
                return true;
            case 'group':
                this.log.add(`##[group]${this.masker.mask(message)}`);
                return true;
            case 'endgroup':
                this.log.add('##[endgroup]');
                return true;
            case 'add-mask':
                this.masker.add(message);
                return true;
            case 'stop-commands':
                if (message === '')
                    this.fail('Invalid stop-commands token: it must not be empty');
                else
                    this.stopToken = message;
                return true;
            case 'set-output':
            case 'save-state':
                return this.deprecated(name, properties.name, message);
            default:
                if (DISABLED.has(name)) {
                    this.fail(`The \`${name}\` command is disabled. Please upgrade to using Environment Files ` +
                        '(local-runner does not honour ACTIONS_ALLOW_UNSECURE_COMMANDS)');
                    return true;
                }
                return IGNORED.has(name);
        }
    }
    deprecated(name, key, value) {
        if (!this.warnedDeprecated.has(name)) {
            this.warnedDeprecated.add(name);
            this.warn(`The \`${name}\` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.`);
        }
        if (!key) {
            this.fail(`Invalid ${name} command: the 'name' property is required`);
            return true;
        }
        (name === 'set-output' ? this.effects.outputs : this.effects.state)[key] = value;
        return true;
    }
    fail(message) {
        this.effects.failures.push(message);
        this.annotations.push({ level: 'error', message: this.masker.mask(message) });
        this.log.add(`##[error]${this.masker.mask(message)}`);
    }
    annotation(level, message, properties) {
        const annotation = { level, message: this.masker.mask(message) };
        if (properties.file)
            annotation.file = properties.file;
        if (properties.title)
            annotation.title = this.masker.mask(properties.title);
        const numbers = { line: 'line', endline: 'endLine', col: 'col', endcolumn: 'endColumn' };
        for (const [property, key] of Object.entries(numbers)) {
            const text = properties[property];
            if (text !== undefined && /^\d+$/.test(text.trim()))
                annotation[key] = Number(text.trim());
        }
        return annotation;
    }
}

;// CONCATENATED MODULE: ./packages/local-runner/src/phase-files.ts

/** The runner refuses a step summary over 1 MiB. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
// Bounds memory when an action writes a runaway file command; far above any real use.
const FILE_COMMAND_LIMIT_BYTES = 64 * 1024 * 1024;
/** Reads the file-command files a phase wrote, collecting every problem instead of stopping at the first. */
function readPhaseFiles(files) {
    const effects = {
        outputs: {},
        env: {},
        path: [],
        state: {},
        summary: '',
        warnings: [],
        errors: [],
    };
    const read = (variable, label) => {
        const file = (0,file_commands/* readCommandFile */.Ev)(files[variable], FILE_COMMAND_LIMIT_BYTES);
        if (!file.tooLarge)
            return file.text;
        effects.errors.push(`Unable to process file command '${label}' successfully: the file is ${file.size} bytes, ` +
            `over local-runner's limit of ${FILE_COMMAND_LIMIT_BYTES}`);
        return undefined;
    };
    const parse = (variable, label) => {
        const text = read(variable, label);
        if (text === undefined)
            return {};
        try {
            return (0,file_commands/* parseFileCommands */.cP)(text, label);
        }
        catch (error) {
            effects.errors.push(error.message);
            return {};
        }
    };
    effects.outputs = parse('GITHUB_OUTPUT', 'output');
    for (const [name, value] of Object.entries(parse('GITHUB_ENV', 'env'))) {
        if (name.toUpperCase() === 'NODE_OPTIONS') {
            effects.warnings.push("Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.");
            continue;
        }
        effects.env[name] = value;
    }
    effects.state = parse('GITHUB_STATE', 'state');
    effects.path = (0,file_commands/* parsePathFile */.zb)(read('GITHUB_PATH', 'path') ?? '');
    const summary = (0,file_commands/* readCommandFile */.Ev)(files.GITHUB_STEP_SUMMARY, SUMMARY_LIMIT_BYTES);
    if (summary.tooLarge) {
        effects.warnings.push(`$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${SUMMARY_LIMIT_BYTES / 1024}k, ` +
            `got ${Math.ceil(summary.size / 1024)}k.`);
    }
    else {
        effects.summary = summary.text;
    }
    return effects;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./packages/local-runner/src/phase-process.ts




// Output still arriving this long after the process exited comes from a leftover grandchild.
const STREAM_DRAIN_MS = 1000;
/** Runs one phase's script with node and ends it like the runner: SIGINT, SIGTERM, then SIGKILL. */
function runPhaseProcess(options) {
    const args = [];
    const rssReport = options.peakRssDirectory ? (0,external_node_path_.join)(options.peakRssDirectory, 'peak-rss.txt') : undefined;
    if (options.peakRssDirectory && rssReport) {
        args.push('--require', writePeakRssPreload(options.peakRssDirectory, rssReport));
    }
    args.push(options.script);
    const groupKill = process.platform !== 'win32';
    const child = (0,external_node_child_process_.spawn)(options.node, args, {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: groupKill, // own process group, so the whole tree gets the signals
        windowsHide: true,
    });
    const { processor } = options;
    if (processor) {
        for (const stream of [child.stdout, child.stderr]) {
            const splitter = processor.splitter();
            stream.on('data', (chunk) => splitter.push(chunk));
            stream.on('end', () => splitter.end());
        }
    }
    else {
        child.stdout.pipe(process.stdout, { end: false });
        child.stderr.pipe(process.stderr, { end: false });
    }
    let cancelled = false;
    let timedOut = false;
    const timers = [];
    const send = (signal) => {
        try {
            if (groupKill && child.pid !== undefined)
                process.kill(-child.pid, signal);
            else
                child.kill(signal);
        }
        catch {
            // already gone
        }
    };
    const stop = () => {
        if (timers.length > 0)
            return;
        send('SIGINT');
        timers.push(setTimeout(() => {
            send('SIGTERM');
            timers.push(setTimeout(() => send('SIGKILL'), options.killGraceMs));
        }, options.cancelGraceMs));
    };
    const onAbort = () => {
        cancelled = true;
        stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timeout = options.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            stop();
        }, options.timeoutMs)
        : undefined;
    return new Promise((resolve, reject) => {
        let exit;
        let drain;
        const cleanup = () => {
            options.signal?.removeEventListener('abort', onAbort);
            if (timeout)
                clearTimeout(timeout);
            if (drain)
                clearTimeout(drain);
            for (const timer of timers)
                clearTimeout(timer);
        };
        child.on('error', (error) => {
            cleanup();
            reject(new Error(`Cannot run node binary '${options.node}': ${error.message}`));
        });
        let settled = false;
        const finish = () => {
            if (!exit || settled)
                return;
            settled = true;
            cleanup();
            const signalNumber = exit.signal ? (external_node_os_.constants.signals[exit.signal] ?? 0) : 0;
            resolve({
                exitCode: exit.code ?? 128 + signalNumber,
                signal: exit.signal,
                cancelled,
                timedOut,
                ...peakRss(rssReport),
            });
        };
        child.on('exit', (code, signal) => {
            exit = { code, signal };
            drain = setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish();
            }, STREAM_DRAIN_MS);
        });
        child.on('close', finish);
    });
}
function writePeakRssPreload(directory, report) {
    (0,external_node_fs_.mkdirSync)(directory, { recursive: true });
    const preload = (0,external_node_path_.join)(directory, 'peak-rss.cjs');
    // maxRSS is in KiB on every platform Node supports.
    (0,external_node_fs_.writeFileSync)(preload, `process.on('exit', function () {\n` +
        `  try { require('fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS * 1024)); } catch (e) {}\n` +
        `});\n`);
    return preload;
}
function peakRss(report) {
    if (!report)
        return {};
    try {
        const bytes = Number((0,external_node_fs_.readFileSync)(report, 'utf8'));
        return Number.isFinite(bytes) && bytes > 0 ? { peakRssBytes: bytes } : {};
    }
    catch {
        return {}; // killed before it could report
    }
}

;// CONCATENATED MODULE: ./packages/local-runner/src/step-log.ts
/** The captured, masked log of a step: capped in bytes, optionally echoed live. */
class StepLog {
    maxBytes;
    parts = [];
    bytes = 0;
    droppedBytes = 0;
    droppedLines = 0;
    echoLine;
    constructor(maxBytes, echo) {
        this.maxBytes = maxBytes;
        this.echoLine =
            typeof echo === 'function' ? echo : echo ? (line) => process.stdout.write(`${line}\n`) : undefined;
    }
    /** True when a line's text is still wanted (captured or echoed); lets callers skip decoding. */
    get wantsText() {
        return this.echoLine !== undefined || this.bytes < this.maxBytes;
    }
    /** Counts a line that was not decoded because nobody wants its text. */
    skip(byteLength) {
        this.droppedBytes += byteLength + 1;
        this.droppedLines++;
    }
    add(line) {
        this.echoLine?.(line);
        const size = Buffer.byteLength(line) + 1;
        if (this.bytes + size > this.maxBytes) {
            this.bytes = this.maxBytes; // once full, stay full: later short lines must not slip in out of order
            this.droppedBytes += size;
            this.droppedLines++;
            return;
        }
        this.parts.push(line);
        this.bytes += size;
    }
    text() {
        const note = this.droppedLines > 0
            ? [
                `##[warning]local-runner: log capture limit of ${this.maxBytes} bytes reached; ` +
                    `${this.droppedLines} more lines (${this.droppedBytes} bytes) were parsed for commands but not kept`,
            ]
            : [];
        return [...this.parts, ...note].join('\n');
    }
}

;// CONCATENATED MODULE: ./packages/local-runner/src/run.ts














const PHASES = ['pre', 'main', 'post'];
const DEFAULT_MAX_LOG_BYTES = 8 * 1024 * 1024;
/** Runs a JavaScript action's pre, main and post phases the way the GitHub runner does. */
async function runLocalAction(options) {
    validateOptions(options);
    const metadata = (0,src_metadata/* readActionMetadata */.O)(options.action);
    const ownTemp = options.tempDir === undefined;
    const tempDir = (0,external_node_path_.resolve)(options.tempDir ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'qeml-runner-')));
    const runDir = (0,external_node_path_.join)(tempDir, `_local_runner_${(0,external_node_crypto_.randomUUID)()}`);
    (0,external_node_fs_.mkdirSync)(runDir, { recursive: true });
    try {
        const context = buildContext(options, metadata.directory, tempDir);
        const masker = new Masker();
        if (context.token)
            masker.add(context.token); // secrets are always masked by the runner
        const log = new StepLog(options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES, options.echo);
        const relay = options.passthrough ? (line) => process.stdout.write(`${line}\n`) : undefined;
        const processor = new OutputProcessor(log, masker, [], relay);
        const inputs = resolveInputs(metadata, options.inputs ?? {}, context);
        for (const warning of inputs.warnings)
            processor.warn(warning);
        const eventPath = (0,external_node_path_.join)(runDir, 'event.json');
        (0,external_node_fs_.writeFileSync)(eventPath, JSON.stringify(options.event ?? {}));
        const baseEnv = options.baseEnv ? definedEntries(options.baseEnv) : minimalEnv();
        const fixedEnv = { ...contextEnv(context, metadata.directory), GITHUB_EVENT_PATH: eventPath };
        const step = {
            outputs: {},
            env: {},
            path: [], // in order written; PATH gets them last-first
            state: {},
            summaries: [],
            phases: [],
        };
        let status = 'success';
        let failingExitCode;
        let mainRan = false;
        const selected = new Set(options.phases ?? PHASES);
        for (const phase of PHASES) {
            const script = metadata.runs[phase];
            if (!script || !selected.has(phase))
                continue;
            if (phase === 'pre' &&
                (options.signal?.aborted || !evaluateCondition(metadata.runs['pre-if'], status, 'runs.pre-if')))
                continue;
            if (phase === 'main') {
                if (options.signal?.aborted)
                    status = 'cancelled';
                if (status !== 'success')
                    continue; // a step's own condition defaults to success()
                mainRan = true;
            }
            if (phase === 'post') {
                if (selected.has('main') && !mainRan)
                    continue; // the runner registers post only when main ran
                if (!evaluateCondition(metadata.runs['post-if'], status, 'runs.post-if'))
                    continue;
            }
            const files = (0,file_commands/* createFileCommandFiles */.nm)(runDir, phase);
            const env = {
                ...baseEnv,
                ...step.env,
                ...options.env,
                ...fixedEnv,
                ...files,
                ...inputs.env,
                ...prefixed('STATE_', step.state),
            };
            prependPath(env, [...step.path].reverse());
            const effects = processor.startPhase();
            const started = Date.now();
            const processResult = await runPhaseProcess({
                node: options.node ?? process.execPath,
                script: (0,external_node_path_.resolve)(metadata.directory, script),
                env,
                cwd: context.workspace,
                ...(options.passthrough ? {} : { processor }),
                // Post steps of a cancelled job still run, as on GitHub; the timeout still bounds them.
                ...(options.signal && status !== 'cancelled' ? { signal: options.signal } : {}),
                ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
                cancelGraceMs: options.cancelGraceMs ?? 7500,
                killGraceMs: options.killGraceMs ?? 2500,
                ...(options.measurePeakRss ? { peakRssDirectory: (0,external_node_path_.join)(runDir, `rss_${phase}`) } : {}),
            });
            const written = readPhaseFiles(files);
            for (const warning of written.warnings)
                processor.warn(warning);
            for (const error of written.errors)
                processor.error(error);
            if (processResult.timedOut)
                processor.error(`The action's ${phase} phase has timed out after ${options.timeoutMs} ms.`);
            if (phase === 'main')
                step.outputs = { ...effects.outputs, ...written.outputs };
            Object.assign(step.env, written.env);
            Object.assign(step.state, effects.state, written.state);
            for (const entry of written.path) {
                step.path = step.path.filter((existing) => existing !== entry);
                step.path.push(entry);
            }
            if (written.summary)
                step.summaries.push(masker.mask(written.summary));
            const failed = processResult.exitCode !== 0 ||
                processResult.timedOut ||
                effects.failures.length > 0 ||
                written.errors.length > 0;
            const outcome = processResult.cancelled ? 'cancelled' : failed ? 'failure' : 'success';
            step.phases.push({
                name: phase,
                exitCode: processResult.exitCode,
                signal: processResult.signal,
                outcome,
                durationMs: Date.now() - started,
                timedOut: processResult.timedOut,
                ...(processResult.peakRssBytes !== undefined ? { peakRssBytes: processResult.peakRssBytes } : {}),
            });
            if (outcome !== 'success') {
                failingExitCode ??= processResult.exitCode === 0 ? 1 : processResult.exitCode;
                if (outcome === 'cancelled' || status === 'success')
                    status = outcome;
            }
        }
        if (status === 'cancelled')
            failingExitCode ??= 1;
        const rss = step.phases.map((phase) => phase.peakRssBytes).filter((bytes) => bytes !== undefined);
        return {
            exitCode: failingExitCode ?? step.phases.find((phase) => phase.name === 'main')?.exitCode ?? 0,
            outcome: status,
            outputs: step.outputs,
            env: step.env,
            path: [...step.path].reverse(),
            state: step.state,
            summary: step.summaries.join('\n'),
            annotations: processor.annotations,
            log: log.text(),
            masks: masker.list(),
            phases: step.phases,
            ...(rss.length > 0 ? { peakRssBytes: Math.max(...rss) } : {}),
        };
    }
    finally {
        (0,external_node_fs_.rmSync)(ownTemp ? tempDir : runDir, { recursive: true, force: true });
    }
}
function validateOptions(options) {
    if (typeof options?.action !== 'string' || options.action === '') {
        throw new Error("runLocalAction: 'action' is required (a directory holding action.yml, or the file)");
    }
    for (const phase of options.phases ?? []) {
        if (!PHASES.includes(phase))
            throw new Error(`runLocalAction: 'phases' has '${phase}'; expected pre, main or post`);
    }
    const counts = { maxLogBytes: 0, timeoutMs: 1, cancelGraceMs: 0, killGraceMs: 0 };
    for (const [name, minimum] of Object.entries(counts)) {
        const value = options[name];
        if (value !== undefined && (!Number.isInteger(value) || value < minimum)) {
            throw new Error(`runLocalAction: '${name}' must be an integer >= ${minimum}, got ${value}`);
        }
    }
}
function definedEntries(env) {
    const result = {};
    for (const [key, value] of Object.entries(env))
        if (value !== undefined)
            result[key] = value;
    return result;
}
function prefixed(prefix, values) {
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [`${prefix}${key}`, value]));
}
/** GITHUB_PATH entries go in front of PATH (whatever its case on Windows). */
function prependPath(env, entries) {
    if (entries.length === 0)
        return;
    const key = Object.keys(env).find((name) => name.toUpperCase() === 'PATH') ?? 'PATH';
    env[key] = [...entries, ...(env[key] ? [env[key]] : [])].join(external_node_path_.delimiter);
}

// EXTERNAL MODULE: ./actions/retry/src/file-commands.ts
var src_file_commands = __webpack_require__(9080);
;// CONCATENATED MODULE: ./actions/retry/src/action-attempt.ts
/** One attempt of a JavaScript action (`uses:`), run the way the runner runs it, with this step's context. */



/** The runner context of this step, so the inner action sees the same repository, run and event. */
function contextFromEnv(env) {
    const number = (name) => (env[name] && /^\d+$/.test(env[name]) ? Number(env[name]) : undefined);
    let event;
    try {
        event = env.GITHUB_EVENT_PATH ? JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8')) : undefined;
    }
    catch {
        event = undefined; // an unreadable event leaves the runner's default
    }
    const context = {
        event,
        eventName: env.GITHUB_EVENT_NAME,
        apiUrl: env.GITHUB_API_URL,
        serverUrl: env.GITHUB_SERVER_URL,
        graphqlUrl: env.GITHUB_GRAPHQL_URL,
        repository: env.GITHUB_REPOSITORY,
        sha: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
        runId: number('GITHUB_RUN_ID'),
        runAttempt: number('GITHUB_RUN_ATTEMPT'),
        runNumber: number('GITHUB_RUN_NUMBER'),
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB,
        actor: env.GITHUB_ACTOR,
        stepId: env.GITHUB_ACTION,
    };
    return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined && v !== ''));
}
async function runActionAttempt(options) {
    const run = options.run ?? runLocalAction;
    const step = await run({
        ...contextFromEnv(options.env),
        action: options.directory,
        inputs: options.inputs,
        baseEnv: options.env,
        node: options.node ?? process.execPath,
        token: options.token,
        workspace: options.workspace,
        tempDir: options.tempDir,
        passthrough: true,
        timeoutMs: options.timeoutMs,
        killGraceMs: options.killGraceMs,
        // A cancellation goes straight to SIGTERM: the runner will not wait long for us either.
        cancelGraceMs: 0,
        signal: options.signal,
    });
    const main = step.phases.find((phase) => phase.name === 'main');
    const files = {
        GITHUB_OUTPUT: (0,src_file_commands/* serializeFileCommand */.wr)(step.outputs),
        GITHUB_ENV: (0,src_file_commands/* serializeFileCommand */.wr)(step.env),
        // StepResult lists PATH order (last added first); the file lists them in the order added.
        GITHUB_PATH: step.path.length > 0 ? `${[...step.path].reverse().join('\n')}\n` : '',
    };
    const base = { exitCode: step.exitCode, signal: main?.signal ?? null, output: {}, files };
    if (options.signal?.aborted || step.outcome === 'cancelled')
        return { ...base, outcome: 'cancelled', reason: 'cancelled' };
    if (main?.timedOut)
        return { ...base, outcome: 'timeout', reason: options.timeoutReason ?? 'timed out' };
    if (step.outcome === 'success')
        return { ...base, outcome: 'success', reason: '' };
    const reason = main?.signal ? `killed by ${main.signal}` : `exit code ${step.exitCode}`;
    return { ...base, outcome: 'failure', reason };
}


/***/ }),

/***/ 7366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ readActionMetadata)
/* harmony export */ });
/* unused harmony export locateActionFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8009);



const NODE_RUNTIMES = new Set(['node12', 'node16', 'node20', 'node24']);
/** Finds action.yml (preferred, like the runner) or action.yaml in a directory, or accepts the file itself. */
function locateActionFile(actionPathOrDir) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(actionPathOrDir);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        throw new Error(`Action not found: '${path}' does not exist`);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
        return path;
    for (const name of ['action.yml', 'action.yaml']) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, name);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(candidate))
            return candidate;
    }
    throw new Error(`Can't find 'action.yml' or 'action.yaml' under '${path}'`);
}
/** Reads and validates an action's metadata; every problem names the file and the key. */
function readActionMetadata(actionPathOrDir) {
    const file = locateActionFile(actionPathOrDir);
    let document;
    try {
        document = (0,yaml__WEBPACK_IMPORTED_MODULE_2__.parse)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        throw new Error(`${file}: invalid YAML: ${error.message}`);
    }
    if (!isMapping(document))
        throw new Error(`${file}: expected a mapping at the top level`);
    const where = (key) => `${file}: '${key}'`;
    const runs = readRuns(document.runs, where);
    return {
        file,
        directory: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file),
        name: typeof document.name === 'string' ? document.name : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file)),
        ...(typeof document.description === 'string' ? { description: document.description } : {}),
        inputs: readInputs(document.inputs, where),
        outputs: readOutputs(document.outputs, where),
        runs,
    };
}
function readRuns(value, where) {
    if (!isMapping(value))
        throw new Error(`${where('runs')} is required and must be a mapping`);
    const using = scalarText(value.using);
    if (!using)
        throw new Error(`${where('runs.using')} is required`);
    if (!NODE_RUNTIMES.has(using)) {
        throw new Error(`${where('runs.using')} is '${using}': local-runner runs JavaScript actions only ` +
            `(node12, node16, node20, node24); docker and composite actions are not supported`);
    }
    const runs = {
        using: using,
        main: requiredPath(value.main, where('runs.main')),
    };
    for (const key of ['pre', 'post', 'pre-if', 'post-if']) {
        if (value[key] === undefined || value[key] === null)
            continue;
        const text = scalarText(value[key]);
        if (text === undefined)
            throw new Error(`${where(`runs.${key}`)} must be a string`);
        runs[key] = text;
    }
    return runs;
}
function requiredPath(value, label) {
    if (typeof value !== 'string' || value.trim() === '')
        throw new Error(`${label} is required (a path to a .js file)`);
    return value;
}
function readInputs(value, where) {
    if (value === undefined || value === null)
        return {};
    if (!isMapping(value))
        throw new Error(`${where('inputs')} must be a mapping`);
    const inputs = {};
    for (const [name, spec] of Object.entries(value)) {
        const input = {};
        if (spec !== null && spec !== undefined && !isMapping(spec)) {
            throw new Error(`${where(`inputs.${name}`)} must be a mapping`);
        }
        const fields = spec ?? {};
        if (fields.description !== undefined)
            input.description = String(fields.description);
        if (fields.default !== undefined && fields.default !== null)
            input.default = String(fields.default);
        if (fields.required !== undefined)
            input.required = fields.required === true || fields.required === 'true';
        if (fields.deprecationMessage !== undefined)
            input.deprecationMessage = String(fields.deprecationMessage);
        inputs[name] = input;
    }
    return inputs;
}
function readOutputs(value, where) {
    if (value === undefined || value === null)
        return {};
    if (!isMapping(value))
        throw new Error(`${where('outputs')} must be a mapping`);
    const outputs = {};
    for (const [name, spec] of Object.entries(value)) {
        outputs[name] =
            isMapping(spec) && spec.description !== undefined ? { description: String(spec.description) } : {};
    }
    return outputs;
}
function scalarText(value) {
    if (typeof value === 'string')
        return value.trim();
    if (typeof value === 'boolean' || typeof value === 'number')
        return String(value);
    return undefined;
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ })

};

//# sourceMappingURL=358.index.js.map