import { cloneElement, useId, type ReactElement } from 'react';

/** A labelled form control: the label names only the control, so screen readers say the field, not its options. */
export function Field({ label, wide, children }: { label: string; wide?: boolean; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}
