#include "translations.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Qt's strings first (dialog buttons, "Cancel", "&Next >"), so ours can still override them.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto *ownTranslator = new QTranslator(&app);
    if (!ownTranslator->load(locale, u"jitsi-deployer"_s, u"_"_s, u":/i18n"_s)) {
        qCDebug(lcGui) << "no translation for" << locale.uiLanguages();
        delete ownTranslator;
        return false;
    }
    QCoreApplication::installTranslator(ownTranslator);
    return true;
}
