export const id = 9019;
export const ids = [9019];
export const modules = {

/***/ 29019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _file_checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94568);


/**
 * What JSON cannot hold exactly, by the text it comes from: `.inf` and `.nan` (Infinity and NaN),
 * tags and directives (binary data, sets, dates of YAML 1.1), and anchors: JSON would write out
 * every alias of one (a hundred aliases of a large anchor, a hundred copies) and cannot write an
 * alias of its own ancestor. A `-0` becomes 0, which reads the same to every check.
 */
const NOT_JSON = /[!%&]|\.(?:inf|nan)/i;
/** A file's values as the main thread takes them: JSON when it holds them exactly, else the objects. */
function valuesMessage(source) {
    return NOT_JSON.test(source.text) ? { values: source.values } : { json: JSON.stringify(source.values) };
}
/**
 * The body of a reader thread (see thread-reader.ts): given the setup, it reads and checks each
 * batch of files as the main thread would, and answers each with the findings, texts and values.
 */
let setup;
node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort?.on("message", (message) => {
    if ("setup" in message) {
        setup = message.setup;
        return;
    }
    let reply;
    try {
        const reads = message.tasks.map((task) => {
            const { findings, source } = (0,_file_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .readAndCheck */ ._)(setup, task);
            return { findings, ...(source && { text: source.text, ...valuesMessage(source) }) };
        });
        reply = { batch: message.batch, ok: true, reads };
    }
    catch (error) {
        reply = { batch: message.batch, ok: false, error: error.stack ?? String(error) };
    }
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort?.postMessage(reply);
});


/***/ })

};
