export const id = 637;
export const ids = [637];
export const modules = {

/***/ 2637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_PATTERN_LENGTH: () => (/* binding */ MAX_PATTERN_LENGTH),
/* harmony export */   compileUserPattern: () => (/* binding */ compileUserPattern)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1950);

/** Longer patterns are almost certainly a mistake (a pasted log) and cost memory to compile. */
const MAX_PATTERN_LENGTH = 4096;
/**
 * Compiles a user-supplied regular expression (RE2 syntax: no backreferences or lookaround).
 * Throws an Error quoting the pattern and saying what is wrong with it.
 */
function compileUserPattern(source, options = {}) {
    if (source.length > MAX_PATTERN_LENGTH) {
        throw new Error(`invalid regular expression ${JSON.stringify(`${source.slice(0, 40)}...`)}: longer than ${MAX_PATTERN_LENGTH} characters`);
    }
    let re2;
    try {
        re2 = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(source, options.caseInsensitive ? re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.CASE_INSENSITIVE : 0);
    }
    catch (error) {
        throw new Error(`invalid regular expression ${JSON.stringify(source)}: ${describeSyntaxError(error)}`);
    }
    return {
        source,
        re2,
        test: (text) => re2.test(text),
        find(text) {
            const found = re2.exec(text);
            if (!found)
                return null;
            return { index: found.index, match: found[0] ?? '', groups: found.slice(1) };
        },
    };
}
function describeSyntaxError(error) {
    const described = error.getDescription?.();
    const pattern = error.getPattern?.();
    if (described)
        return pattern ? `${described} at ${JSON.stringify(pattern)} (RE2 syntax)` : `${described} (RE2 syntax)`;
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};

//# sourceMappingURL=637.index.js.map