"""An nbconvert preprocessor that executes notebooks with the Deno kernel
without losing outputs.

The Deno kernel (2.9.6) sometimes reports a cell idle a millisecond before it
sends that cell's last output. nbclient stops listening for a cell's outputs
at its idle status and ignores messages addressed to earlier cells, so such
an output is silently dropped (measured here: 3 of 80 displays of one cell
each arrived after idle, each about 1 ms late). This preprocessor keeps
routing late messages to the cell that produced them, and after the last
cell it waits until the kernel has been quiet for `quiet_seconds`.

Used by tools/run_notebooks.ts:

    PYTHONPATH=tools/nbconvert jupyter nbconvert --to notebook \\
      --Exporter.preprocessors='["deno_execute.DenoExecutePreprocessor"]' ...
"""

from contextlib import contextmanager
from queue import Empty

from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async, run_sync
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Bool, Float


class DenoExecutePreprocessor(ExecutePreprocessor):
    """ExecutePreprocessor that keeps outputs arriving after a cell's idle status."""

    enabled = Bool(True, help="Run this preprocessor.").tag(config=True)
    quiet_seconds = Float(
        1.0, help="After the last cell, wait until no message has come for this long."
    ).tag(config=True)

    def _targets(self):
        if not hasattr(self, "_cells_by_parent"):
            self._cells_by_parent = {}
        return self._cells_by_parent

    def _route(self, msg, current=None):
        """Gives `msg` to the cell whose request it answers; True when `current` is complete."""
        parent = msg.get("parent_header", {}).get("msg_id")
        target = self._targets().get(parent)
        if target is None:
            return False
        cell, index = target
        try:
            self.process_message(msg, cell, index)
        except CellExecutionComplete:
            return parent == current
        return False

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self._targets()[parent_msg_id] = (cell, cell_index)
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if self._route(msg, parent_msg_id):
                return

    async def _async_drain(self):
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.quiet_seconds))
            except Empty:
                return
            self._route(msg)

    @contextmanager
    def setup_kernel(self, **kwargs):
        self._cells_by_parent = {}
        with super().setup_kernel(**kwargs):
            yield
            # Still inside: the kernel is alive until the context closes.
            run_sync(self._async_drain)()
