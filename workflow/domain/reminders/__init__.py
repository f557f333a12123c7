"""Follow-up reminders: scheduling and cancelling them, and what issuing one does."""
