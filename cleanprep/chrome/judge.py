def judge_chrome(doc, recurrence=None) -> None:
    pass
