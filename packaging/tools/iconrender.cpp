// Renders the app's SVG icon to the PNG sizes desktops look up in the hicolor theme (packaging/CMakeLists.txt),
// with Qt's own SVG renderer, so the build needs no other image tool.
//
//   deployer-iconrender ICON.svg OUTDIR SIZE...      writes OUTDIR/SIZExSIZE.png for every SIZE

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: deployer-iconrender ICON.svg OUTDIR SIZE...\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "deployer-iconrender: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    const QDir out(args.at(2));
    if (!out.mkpath(u"."_s))
        return 1;
    for (qsizetype i = 3; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size <= 0 || size > 1024) {
            std::fprintf(stderr, "deployer-iconrender: bad size %s\n", qPrintable(args.at(i)));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString path = out.filePath(u"%1x%1.png"_s.arg(size));
        if (!image.save(path, "PNG")) {
            std::fprintf(stderr, "deployer-iconrender: cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    return 0;
}
