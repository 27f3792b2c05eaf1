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
 * The body of a reader thread (see thread-reader.ts): it reads and checks the files it is given
 * as the main thread would, and answers once with the findings, texts and values.
 */
node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort?.once("message", ({ setup, tasks }) => {
    let reply;
    try {
        reply = {
            ok: true,
            reads: tasks.map((task) => {
                const { findings, source } = (0,_file_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .readAndCheck */ ._)(setup, task);
                return { findings, ...(source && { text: source.text, values: source.values }) };
            }),
        };
    }
    catch (error) {
        reply = { ok: false, error: error.stack ?? String(error) };
    }
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort?.postMessage(reply);
});


/***/ })

};
