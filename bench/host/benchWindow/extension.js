// The activation benchmark's window extension: activated before the two measured ones, so
// that VS Code's one-off work on a window's first activation falls on neither of them.
'use strict';

exports.activate = () => ({});
exports.deactivate = () => undefined;
