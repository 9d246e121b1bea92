#pragma once

#include <QString>
#include <QStringList>

class HcloudSim;

// Checks every request/response a simulator saw against the official OpenAPI description by running
// tests/support/validate_openapi.py. A missing description, script or interpreter is reported as a
// violation, never skipped: a check that silently does nothing would let schema drift through.
class OpenApiValidator
{
public:
    // sourceDir: the repository root (holds tests/support/validate_openapi.py);
    // openApiDir: the folder with hetzner-cloud-openapi.json.
    OpenApiValidator(const QString &sourceDir, const QString &openApiDir);

    // One line per violation; empty when every exchange conforms.
    QStringList violations(const HcloudSim &sim) const;
    QStringList violationsInFile(const QString &exchangesJsonlPath) const;

private:
    QString m_script;
    QString m_spec;
};

// For tests (deployer_add_test defines both paths):
//   QVERIFY2(openApiViolations(sim).isEmpty(), qPrintable(openApiViolations(sim).join(u'\n')));
#if defined(DEPLOYER_SOURCE_DIR) && defined(DEPLOYER_OPENAPI_DIR)
inline QStringList openApiViolations(const HcloudSim &sim)
{
    return OpenApiValidator(QStringLiteral(DEPLOYER_SOURCE_DIR), QStringLiteral(DEPLOYER_OPENAPI_DIR)).violations(sim);
}
#endif
