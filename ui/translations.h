#pragma once

#include <QLocale>

class QCoreApplication;

// Installs Qt's own translations and ours (compiled into the binary under :/i18n) for the locale,
// by default the user's. Returns false when there is no translation of ours for it; English, the
// source language, needs none. Call before creating any window.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());
