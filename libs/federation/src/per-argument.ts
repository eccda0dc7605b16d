/**
 * One loader per distinct argument within a request: a field with arguments (a period, a page
 * window) batches its parents only with those asking the same thing. Arguments are told apart by
 * their JSON, so equal windows built separately share a loader.
 */
export function perArgument<A, L>(make: (arg: A) => L): (arg: A) => L {
  const made = new Map<string, L>();
  return (arg: A) => {
    const key = JSON.stringify(arg);
    let loader = made.get(key);
    if (loader === undefined) made.set(key, (loader = make(arg)));
    return loader;
  };
}
