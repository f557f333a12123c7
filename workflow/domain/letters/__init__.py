"""Letters: numbering, the template context, issuing a numbered letter into the register."""
