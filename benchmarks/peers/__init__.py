"""The tools cleanprep is compared with, one small module per tool.

Every peer module has the same shape, so `run.py` can drive any of them in a process of its own
(which is how its peak memory is measured apart from the others):

- `NAME`: the name shown in the table; `TASK`: "clean" (text in, cleaned text out) or "detect"
  (text in, language segments `[{"start", "end", "lang"}]` out, offsets in characters);
- `requirement()`: None when the tool can run here, otherwise what to install;
- `load(model_path)`: everything slow to set up (models), done once and timed apart;
- `process(tool, records)`: yields `(id, output)` for each `{"id", "text"}` record, in order.

The peers are optional extras of the benchmark (`pip install -r benchmarks/requirements-peers.txt`),
never of the cleanprep package.
"""

PEERS = ("datatrove_pipeline", "c4_lines", "justext_lines", "fasttext_lines", "lingua_mixed")
