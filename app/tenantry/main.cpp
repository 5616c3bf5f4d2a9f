#include "ui/mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tenantry"));
    QApplication::setOrganizationName(QStringLiteral("Tenantry"));
    QApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.tenantry.Tenantry"));

    MainWindow window;
    window.show();
    return QApplication::exec();
}
