export * from './documentModel';
export * from './fieldPath';
export * from './helmTemplates';
export * from './lineIndex';
export * from './limits';
