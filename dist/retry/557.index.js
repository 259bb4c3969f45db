export const id = 557;
export const ids = [557];
export const modules = {

/***/ 3557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  extractInside: () => (/* binding */ extractInside),
  fetchRemoteAction: () => (/* binding */ fetchRemoteAction),
  githubTarballDownload: () => (/* binding */ githubTarballDownload),
  parseRemoteUses: () => (/* binding */ parseRemoteUses),
  resolveAction: () => (/* binding */ resolveAction)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(1901);
;// CONCATENATED MODULE: ./packages/local-runner/src/uses.ts


// owner: GitHub user/org rules; repo: letters, digits, '.', '_', '-'; ref: no whitespace.
const USES = /^(?<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/(?<repo>[A-Za-z0-9._-]+)(?<sub>(?:\/[^@\s]+)?)@(?<ref>[^\s@]+)$/;
/**
 * Resolves a `uses:` reference to a directory inside `releaseRoot`, a checked-out release tree
 * of that repository: 'owner/repo/sub/path@ref' -> <releaseRoot>/sub/path; 'owner/repo@ref' ->
 * <releaseRoot>. A local './path' resolves against releaseRoot too.
 */
function resolveUses(uses, releaseRoot) {
    const text = uses.trim();
    if (text.startsWith('docker://')) {
        throw new Error(`uses: '${uses}' is a Docker action; local-runner runs JavaScript actions only`);
    }
    let subPath;
    if (text.startsWith('./')) {
        subPath = text.slice(2);
    }
    else {
        const match = USES.exec(text);
        if (!match?.groups) {
            throw new Error(`uses: '${uses}' is not a valid reference; expected 'owner/repo@ref' or 'owner/repo/path@ref'`);
        }
        subPath = (match.groups.sub ?? '').replace(/^\//, '');
    }
    const root = (0,external_node_path_.resolve)(releaseRoot);
    if (!(0,external_node_fs_.existsSync)(root) || !(0,external_node_fs_.statSync)(root).isDirectory()) {
        throw new Error(`uses: '${uses}': release tree '${root}' is not a directory`);
    }
    const directory = (0,external_node_path_.resolve)(root, subPath);
    const inside = (0,external_node_path_.relative)(root, directory);
    if (inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
        throw new Error(`uses: '${uses}': path '${subPath}' leaves the release tree`);
    }
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(directory, 'action.yml')) && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(directory, 'action.yaml'))) {
        throw new Error(`uses: '${uses}': no action.yml or action.yaml in '${directory}'`);
    }
    return directory;
}

// EXTERNAL MODULE: ./packages/local-runner/src/metadata.ts
var src_metadata = __webpack_require__(7366);
;// CONCATENATED MODULE: ./actions/retry/src/fetch-action.ts
/**
 * Finds the action a `uses:` names: `./path` in the workspace, or `owner/repo[/path]@ref` fetched as the
 * repository tarball through the API, extracted (safely) into RUNNER_TEMP/_actions and reused for the run.
 */





const REMOTE = /^(?<owner>[A-Za-z0-9][A-Za-z0-9-]{0,38})\/(?<repo>[A-Za-z0-9._-]+)(?<sub>(?:\/[^@\s]+)?)@(?<ref>[^\s@]+)$/;
/** `owner/repo[/sub/path]@ref`, or undefined when `uses` is not of that form. */
function parseRemoteUses(uses) {
    const match = REMOTE.exec(uses.trim());
    if (!match?.groups)
        return undefined;
    const { owner = '', repo = '', sub = '', ref = '' } = match.groups;
    return { owner, repo, subPath: sub.replace(/^\//, ''), ref };
}
/** Returns the directory of the action's action.yml; refuses anything but a JavaScript action. */
async function resolveAction(uses, options) {
    const text = uses.trim();
    let directory;
    try {
        if (text.startsWith('./'))
            directory = resolveUses(text, options.workspace);
        else {
            const remote = parseRemoteUses(text);
            if (!remote) {
                throw new Error(`expected './path/in/workspace', 'owner/repo@ref' or 'owner/repo/path@ref'`);
            }
            const root = await fetchRemoteAction(remote, options);
            directory = resolveUses(text, root);
        }
        const metadata = (0,src_metadata/* readActionMetadata */.O)(directory);
        return metadata.directory;
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
            throw error;
        const why = error.message.replace(/^uses: '[^']*':? ?/, '');
        throw new errors/* ConfigurationError */.j(`Input 'uses' got ${JSON.stringify(text)}: ${why}`, { cause: error });
    }
}
/** Extracts the tarball once per run into RUNNER_TEMP/_actions/owner/repo/ref. */
async function fetchRemoteAction(remote, options) {
    const safeRef = remote.ref.replace(/[^A-Za-z0-9._-]/g, '_');
    const dir = external_node_path_default().join(options.tempDir, '_actions', remote.owner, remote.repo, safeRef);
    const complete = external_node_path_default().join(dir, '.qeml-extracted');
    if ((0,external_node_fs_.existsSync)(complete))
        return dir;
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.mkdir)(dir, { recursive: true });
    const archive = external_node_path_default().join(options.tempDir, `_actions-${remote.owner}-${remote.repo}-${safeRef}.tar.gz`);
    await (0,promises_.writeFile)(archive, await options.download(remote));
    try {
        await extractInside(archive, dir);
    }
    catch (error) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw error;
    }
    finally {
        await (0,promises_.rm)(archive, { force: true });
    }
    await (0,promises_.writeFile)(complete, '');
    return dir;
}
/** Extracts a GitHub tarball without its top directory, refusing entries or links that would leave `dir`. */
async function extractInside(archive, dir) {
    const refused = [];
    const inside = (target) => {
        const relative = external_node_path_default().relative(dir, target);
        return relative === '' || (!relative.startsWith('..') && !external_node_path_default().isAbsolute(relative));
    };
    // Loaded on first use: only a remote `uses:` needs it, and start-up should not pay for it.
    const tar = await __webpack_require__.e(/* import() */ 702).then(__webpack_require__.bind(__webpack_require__, 7702));
    await tar.x({
        file: archive,
        cwd: dir,
        strip: 1,
        strict: true,
        filter: (entryPath, entry) => {
            const stripped = entryPath.split('/').slice(1).join('/');
            const target = external_node_path_default().resolve(dir, stripped);
            const linkpath = 'linkpath' in entry ? entry.linkpath : undefined;
            const type = 'type' in entry ? entry.type : undefined;
            let ok = !external_node_path_default().isAbsolute(stripped) && inside(target);
            if (ok && type === 'SymbolicLink' && linkpath)
                ok = inside(external_node_path_default().resolve(external_node_path_default().dirname(target), linkpath));
            if (ok && type === 'Link' && linkpath) {
                ok = inside(external_node_path_default().resolve(dir, linkpath.split('/').slice(1).join('/')));
            }
            if (!ok)
                refused.push(entryPath);
            return ok;
        },
    });
    if (refused.length > 0) {
        throw new Error(`the action's archive has entries that leave its directory: ${refused.slice(0, 5).join(', ')}`);
    }
}
/** The real download: the API answers with a redirect to the archive, which the client follows. */
function githubTarballDownload(token, env = process.env) {
    return async ({ owner, repo, ref }) => {
        const { createGitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(578), __webpack_require__.e(760)]).then(__webpack_require__.bind(__webpack_require__, 8760));
        const client = createGitHubClient({ token: token ?? '', env });
        const response = await client.request('GET /repos/{owner}/{repo}/tarball/{ref}', { owner, repo, ref });
        return new Uint8Array(response.data);
    };
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

//# sourceMappingURL=557.index.js.map