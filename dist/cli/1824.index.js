export const id = 1824;
export const ids = [1824];
export const modules = {

/***/ 1824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  formatDiff: () => (/* binding */ formatDiff)
});

;// CONCATENATED MODULE: ./src/preview/format/json.ts
/** `{ roots: [{ root, deployedBy, objects: [{ kind, namespace, name, change, diff }] }], images }`, and the rest. */
function diffJson(result) {
    return `${JSON.stringify(result, null, 2)}\n`;
}

// EXTERNAL MODULE: ./src/preview/format/markdown.ts
var format_markdown = __webpack_require__(46921);
// EXTERNAL MODULE: ./src/preview/format/text.ts
var format_text = __webpack_require__(94323);
;// CONCATENATED MODULE: ./src/preview/format/index.ts



function formatDiff(format, result, markdown) {
    if (format === "json")
        return diffJson(result);
    if (format === "markdown")
        return (0,format_markdown/* diffMarkdown */.x)(result, markdown);
    return (0,format_text/* diffText */.N)(result);
}


/***/ })

};
