fn main() {
    encaisse::start();
}
