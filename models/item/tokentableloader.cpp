// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokentableloader.h"

#include "../store/workspacesnapshot.h"
#include "../store/workspacestore.h"

#include <QCoreApplication>
#include <QThreadPool>

TokenTableLoader::TokenTableLoader(WorkspaceStore *store, TokenTableModel *model, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_model(model)
{
    connect(store, &WorkspaceStore::tokenChanged, this, [this](const Token &token) { noteChanged(token.id); });
    connect(store, &WorkspaceStore::tokenRemoved, this, &TokenTableLoader::noteChanged);
    connect(store, &WorkspaceStore::tokensAdded, this, [this](const QList<Token> &tokens) {
        for (const Token &token : tokens)
            noteChanged(token.id);
    });
}

void TokenTableLoader::noteChanged(qint64 tokenId)
{
    if (m_loading)
        m_changedWhileLoading.insert(tokenId);
}

void TokenTableLoader::start()
{
    if (m_loading)
        return;
    m_loading = true;
    const QPointer<TokenTableLoader> self(this);
    const QString path = m_store->path();
    QThreadPool::globalInstance()->start([self, path] {
        const WorkspaceSnapshot snapshot = WorkspaceSnapshot::read(path);
        auto prepared = TokenTableModel::prepare(snapshot.accounts, snapshot.tokens);
        // Back to the loader's thread; the QPointer is only read there.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, prepared, error = snapshot.error] {
                if (self)
                    self->adopt(prepared, error);
            },
            Qt::QueuedConnection);
    });
}

void TokenTableLoader::adopt(const std::shared_ptr<TokenTableModel::PreparedRows> &rows, const QString &error)
{
    m_loading = false;
    if (error.isEmpty())
        m_model->adopt(rows);
    else
        m_model->reload(); // the worker could not read (the file vanished?): read here instead
    m_model->reapply(m_changedWhileLoading);
    m_changedWhileLoading.clear();
    Q_EMIT finished(error);
}
