import type { ReactNode } from "react";
import type { ApiError } from "../api/client";
import type { Resource } from "../lib/useResource";

export function Loading({ label = "Загрузка…" }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="error-state" role="alert">
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Повторить
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** Loading, error and data states of a resource, the same way everywhere. */
export function Async<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  if (resource.data !== undefined) {
    return (
      <>
        {resource.error && <ErrorState error={resource.error} onRetry={resource.reload} />}
        <div aria-busy={resource.loading}>{children(resource.data)}</div>
      </>
    );
  }
  if (resource.error) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  return <Loading />;
}

/** A short message announced politely (e.g. «Приглашение отправлено»). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

/**
 * The page of an emailed link (an invitation, a password reset) checked when it opened and found unusable: why, and
 * the way on; or, when it could not be checked at all (no connection), a retry.
 */
export function UnusableLink({
  error,
  dead,
  title,
  wayOn,
  onRetry,
}: {
  error: ApiError;
  /** The link itself is used, expired or unknown (not a failed check). */
  dead: boolean;
  title: { dead: string; failed: string };
  wayOn: ReactNode;
  onRetry: () => void;
}) {
  return (
    <>
      <h1>{dead ? title.dead : title.failed}</h1>
      <p className="error-text" role="alert">
        {error.message}
      </p>
      {dead ? (
        wayOn
      ) : (
        <p>
          <button type="button" className="button secondary" onClick={onRetry}>
            Повторить
          </button>
        </p>
      )}
    </>
  );
}
