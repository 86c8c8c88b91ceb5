class RecurrenceIndex:
    def add(self, doc_text: str) -> None:
        pass
