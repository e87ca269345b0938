from pathlib import PurePosixPath

from atlas import write


def test_second_apply_writes_nothing_and_orphans_are_removed(tmp_path):
    outs = [write.Output.text("docs/a.md", "a\n"), write.Output.text("docs/b.md", "b\n")]
    first = write.apply(tmp_path, write.plan(tmp_path, outs))
    assert sorted(map(str, first)) == ["data/manifest.json", "docs/a.md", "docs/b.md"]
    assert write.apply(tmp_path, write.plan(tmp_path, outs)) == []

    the_plan = write.plan(tmp_path, outs[:1])
    assert the_plan.removals == (PurePosixPath("docs/b.md"),)
    assert the_plan.stale == ["docs/b.md (orphaned)"]
    write.apply(tmp_path, the_plan)
    assert not (tmp_path / "docs/b.md").exists()


def test_hand_edit_is_reported_as_changed(tmp_path):
    outs = [write.Output.text("docs/a.md", "a\n")]
    write.apply(tmp_path, write.plan(tmp_path, outs))
    (tmp_path / "docs/a.md").write_text("edited\n")
    assert write.plan(tmp_path, outs).stale == ["docs/a.md (changed)"]
