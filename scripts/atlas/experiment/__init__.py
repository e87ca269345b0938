"""The freeze-vs-fine-tune experiment: pretrain a small CNN on one task, transfer it to another.

Layout (only ``train`` imports Keras; everything else imports without TensorFlow):

- ``grid``     the grid spec (strategies, target sizes, similarities, seeds, budgets) and its checks
- ``data``     scikit-learn's bundled digits, the fixed split and the pixel permutation (numpy only)
- ``records``  frozen dataclasses of the results and where they live
- ``cache``    the content-hash key (grid + code + versions + schema) and the committed record
- ``run``      the grid on spawned worker processes
- ``worker``   the worker entry points; imports ``train`` lazily, inside the worker
- ``train``    Keras: the network, the four strategies, the real-application path
- ``findings`` comparisons and verdicts computed from the records
- ``plots``, ``render``  SVG plots and the Markdown page per language
- ``stage``    the generator stage: ``outputs(root)`` returns ``write.Output``s
- ``benchmark`` cold and warm timings
"""
