// Snippet context: the application's own function that stores a file the user asked for.
export declare function upload(fileName: string, text: string): Promise<void>;
