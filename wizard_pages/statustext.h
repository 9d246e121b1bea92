#pragma once

#include <QString>

class QLabel;

// `text` in `label`, hidden when empty, in a red readable on light and dark themes when it is an error (the
// label's "error" property says which, for tests). Shared by the pages that show a check's verdict.
void showStatusText(QLabel *label, const QString &text, bool error);
